import Foundation
import Glibc
import SystemIO
import Testing

/// Blocking descriptor reads and writes over real pipes.
@Suite struct FileDescriptorTests {
    static func pipePair() throws -> (read: Int32, write: Int32) {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw POSIXError(.EMFILE) }
        return (fds[0], fds[1])
    }

    @Test("readToEnd gathers every chunk until the writer closes, and stops near a limit")
    func readToEnd() throws {
        let (reader, writer) = try Self.pipePair()
        let payload = (0..<50_000).map { UInt8(truncatingIfNeeded: $0) }
        let thread = Thread {
            FileDescriptor.writeAll(payload, to: writer)
            close(writer)
        }
        thread.start()
        #expect(FileDescriptor.readToEnd(reader) == payload)
        close(reader)

        let (limitedReader, limitedWriter) = try Self.pipePair()
        FileDescriptor.writeAll(Array(repeating: 7, count: 10_000), to: limitedWriter)
        let limited = FileDescriptor.readToEnd(limitedReader, limit: 100)
        #expect(limited.count >= 100)
        close(limitedReader)
        close(limitedWriter)
    }

    @Test("readLine takes one line and leaves the rest; nil at end of input")
    func readLine() throws {
        let (reader, writer) = try Self.pipePair()
        FileDescriptor.writeAll(Array("yes\nrest".utf8), to: writer)
        close(writer)
        #expect(FileDescriptor.readLine(reader) == "yes")
        #expect(FileDescriptor.readLine(reader) == "rest")
        #expect(FileDescriptor.readLine(reader) == nil)
        close(reader)
    }

    @Test("writing to a pipe nobody reads fails quietly instead of killing the process")
    func brokenPipe() throws {
        signal(SIGPIPE, SIG_IGN)
        let (reader, writer) = try Self.pipePair()
        close(reader)
        #expect(!FileDescriptor.writeAll(Array("lost".utf8), to: writer))
        close(writer)
    }

    @Test("a pipe is not a terminal")
    func notTerminal() throws {
        let (reader, writer) = try Self.pipePair()
        #expect(!FileDescriptor.isTerminal(reader))
        close(reader)
        close(writer)
    }
}
