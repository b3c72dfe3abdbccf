import Foundation
import Glibc
import SystemIO
import TestSupport
import Testing

/// Blocking descriptor reads and writes over real pipes.
@Suite struct FileDescriptorTests {
    @Test("readToEnd gathers every chunk until the writer closes, and stops near a limit")
    func readToEnd() throws {
        let pipe = try PipeEnds()
        let (reader, writer) = (pipe.read, pipe.write)
        let payload = (0..<50_000).map { UInt8(truncatingIfNeeded: $0) }
        let thread = Thread {
            FileDescriptor.writeAll(payload, to: writer)
            close(writer)
        }
        thread.start()
        #expect(FileDescriptor.readToEnd(reader) == payload)
        close(reader)

        let limitedPipe = try PipeEnds()
        let (limitedReader, limitedWriter) = (limitedPipe.read, limitedPipe.write)
        FileDescriptor.writeAll(Array(repeating: 7, count: 10_000), to: limitedWriter)
        let limited = FileDescriptor.readToEnd(limitedReader, limit: 100)
        #expect(limited.count >= 100)
        close(limitedReader)
        close(limitedWriter)
    }

    @Test("readLine takes one line and leaves the rest; nil at end of input")
    func readLine() throws {
        let pipe = try PipeEnds()
        let (reader, writer) = (pipe.read, pipe.write)
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
        let pipe = try PipeEnds()
        let (reader, writer) = (pipe.read, pipe.write)
        close(reader)
        #expect(!FileDescriptor.writeAll(Array("lost".utf8), to: writer))
        close(writer)
    }

    @Test("a pipe is not a terminal")
    func notTerminal() throws {
        let pipe = try PipeEnds()
        let (reader, writer) = (pipe.read, pipe.write)
        #expect(!FileDescriptor.isTerminal(reader))
        close(reader)
        close(writer)
    }
}
