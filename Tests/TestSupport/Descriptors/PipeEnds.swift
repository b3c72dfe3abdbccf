import Foundation
import Glibc
import LoopbackHTTP
import SystemIO

/// Both ends of a fresh pipe, for tests that drive a reader or writer through real descriptors.
/// The test closes the ends (``closeBoth()`` or one at a time) when it is done with them.
package struct PipeEnds: Sendable {
    /// The read end.
    package let read: Int32
    /// The write end.
    package let write: Int32

    /// Opens a pipe.
    package init() throws {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EMFILE) }
        read = fds[0]
        write = fds[1]
    }

    /// Writes all of `text` to the write end (blocking while the pipe is full).
    package func writeAll(_ text: String) {
        FileDescriptor.writeAll(Array(text.utf8), to: write)
    }

    /// What the read end delivers until end of input or `limit` bytes, read on a thread of its
    /// own (never on the cooperative pool).
    package func readToEnd(limit: Int = .max) async -> [UInt8] {
        let descriptor = read
        return await OffPool.run(name: "test-pipe-reader") { FileDescriptor.readToEnd(descriptor, limit: limit) }
    }

    /// Closes both ends.
    package func closeBoth() {
        close(read)
        close(write)
    }
}
