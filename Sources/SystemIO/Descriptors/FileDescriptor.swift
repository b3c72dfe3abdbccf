import Glibc

/// Blocking reads and writes on a file descriptor — standard input, output and error, a pipe, a
/// terminal — each looping over `EINTR` and partial transfers. Call them from a thread of their
/// own (``DetachedThread``), never from Swift's cooperative pool, when they may wait.
package enum FileDescriptor {
    /// Standard input.
    package static let standardInput: Int32 = STDIN_FILENO
    /// Standard output.
    package static let standardOutput: Int32 = STDOUT_FILENO
    /// Standard error.
    package static let standardError: Int32 = STDERR_FILENO

    /// Reads what is available into `buffer` (up to its size): the count, 0 at end of input, or -1
    /// on an error (`errno` set). Waits while nothing is available.
    package static func read(_ descriptor: Int32, into buffer: inout [UInt8]) -> Int {
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            return count
        }
    }

    /// Everything up to end of input, a read error, or `limit` bytes (then possibly a little more:
    /// the last read's bytes are kept whole).
    package static func readToEnd(_ descriptor: Int32, limit: Int = .max) -> [UInt8] {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        while bytes.count < limit {
            let count = read(descriptor, into: &buffer)
            guard count > 0 else { break }
            bytes.append(contentsOf: buffer[0..<count])
        }
        return bytes
    }

    /// One line (without its newline, at most `limit` bytes) read a byte at a time, so nothing
    /// after it is consumed; `nil` at end of input before any byte.
    package static func readLine(_ descriptor: Int32, limit: Int = 4096) -> String? {
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            let count = Glibc.read(descriptor, &byte, 1)
            if count < 0, errno == EINTR { continue }
            guard count == 1 else { return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self) }
            if byte == UInt8(ascii: "\n") || bytes.count >= limit { return String(decoding: bytes, as: UTF8.self) }
            bytes.append(byte)
        }
    }

    /// Writes every byte, or stops at the first failure (a closed pipe included: `EPIPE`, never a
    /// crash). Returns whether all were written.
    @discardableResult
    package static func writeAll(_ bytes: some Collection<UInt8>, to descriptor: Int32) -> Bool {
        let contiguous = Array(bytes)
        var offset = 0
        while offset < contiguous.count {
            let written = contiguous[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }

    /// Whether the descriptor is a terminal.
    package static func isTerminal(_ descriptor: Int32) -> Bool {
        isatty(descriptor) == 1
    }

    /// Ends the process at once with `status`, after the C library's exit handlers.
    package static func exitProcess(_ status: Int32) -> Never {
        exit(status)
    }
}
