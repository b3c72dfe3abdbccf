import Foundation

/// A buffered reader over a connected socket: lines for HTTP heads, exact byte counts for bodies.
///
/// The reader does not own the descriptor; whoever created it closes it. Bytes read past the end
/// of one message stay buffered for the next, which is what makes pipelined requests work.
struct SocketReader: Sendable {
    /// The socket being read.
    let descriptor: Int32
    private var buffer: [UInt8] = []
    private var start = 0

    /// The longest line accepted before the input is rejected as malformed.
    static let maximumLineLength = 64 * 1024

    /// Creates a reader over `descriptor`.
    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// True when bytes have been received but not yet consumed.
    var hasBufferedBytes: Bool { start < buffer.count }

    /// Reads one line without its CRLF (or bare LF); returns nil at a clean end of stream.
    ///
    /// Throws `HTTPParseError` when the stream ends inside a line or a line exceeds
    /// `maximumLineLength`.
    mutating func readLine() throws -> String? {
        var scanned = 0
        while true {
            if let newline = buffer[(start + scanned)...].firstIndex(of: UInt8(ascii: "\n")) {
                var end = newline
                if end > start && buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                let line = String(decoding: buffer[start..<end], as: UTF8.self)
                start = newline + 1
                return line
            }
            guard buffer.count - start <= Self.maximumLineLength else {
                throw HTTPParseError("line longer than \(Self.maximumLineLength) bytes")
            }
            // Offsets, not indices: fill() may compact the buffer and move `start`.
            scanned = buffer.count - start
            guard try fill() else {
                if hasBufferedBytes { throw HTTPParseError("connection closed inside a line") }
                return nil
            }
        }
    }

    /// Reads exactly `count` bytes; throws `HTTPParseError` if the stream ends first.
    mutating func read(exactly count: Int) throws -> Data {
        while buffer.count - start < count {
            guard try fill() else {
                throw HTTPParseError("connection closed after \(buffer.count - start) of \(count) body bytes")
            }
        }
        let bytes = Data(buffer[start..<(start + count)])
        start += count
        return bytes
    }

    /// Reads everything until the peer closes its side of the connection.
    mutating func readToEnd() throws -> Data {
        while try fill() {}
        let bytes = Data(buffer[start...])
        start = buffer.count
        return bytes
    }

    /// Receives more bytes into the buffer; returns false at end of stream.
    private mutating func fill() throws -> Bool {
        if start > 0 && start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        } else if start > 64 * 1024 && start > buffer.count / 2 {
            buffer.removeFirst(start)
            start = 0
        }
        let received = try withUnsafeTemporaryAllocation(byteCount: 64 * 1024, alignment: 1) { chunk in
            let count = try LoopbackSocket.receive(descriptor, into: chunk)
            buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[..<count]))
            return count
        }
        return received > 0
    }
}
