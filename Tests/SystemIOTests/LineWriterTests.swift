import Foundation
import Glibc
import Synchronization
import SystemIO
import TestSupport
import Testing

/// The line writer behind stdout and stderr: short lines to a pipe with room are written by the
/// caller, the rest by the writer thread; either way lines arrive whole and in order, and the
/// caller never blocks on a reader that does not read.
@Suite struct LineWriterTests {
    /// `count` lines from producer `producer`, of mixed sizes (most short, some over PIPE_BUF,
    /// a few over the size the writer stops copying at).
    private static func lines(producer: Int, count: Int) -> [[UInt8]] {
        (0..<count).map { index in
            let size = index % 13 == 0 ? 100_000 : index % 7 == 0 ? 9000 : 1
            let filler = String(repeating: "x", count: size)
            return Array("p\(producer)-\(index)-\(filler)".utf8)
        }
    }

    @Test("lines from concurrent callers arrive whole and in each caller's order, short and long alike")
    func concurrentLinesStayWhole() async throws {
        let pipe = try PipeEnds()
        defer { pipe.closeBoth() }
        let writer = LineWriter(descriptor: pipe.write)
        let producers = 4
        let perProducer = 60
        let expected = (0..<producers).map { Self.lines(producer: $0, count: perProducer) }
        let total = expected.joined().reduce(0) { $0 + $1.count + 1 }
        async let received = pipe.readToEnd(limit: total)
        await withTaskGroup(of: Void.self) { group in
            for producer in 0..<producers {
                group.addTask { for line in expected[producer] { #expect(writer.enqueue(line)) } }
            }
        }
        await writer.drain()
        let lines = await received.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == producers * perProducer)
        for producer in 0..<producers {
            let prefix = Array("p\(producer)-".utf8)
            let own = lines.filter { $0.starts(with: prefix) }.map(Array.init)
            #expect(own == expected[producer], "producer \(producer)'s lines were cut, mixed or reordered")
        }
        await writer.finish()
    }

    @Test(
        "a reader that stops reading never blocks the caller; its lines arrive once it reads again",
        .timeLimit(.minutes(1)))
    func fullPipeDoesNotBlock() async throws {
        let pipe = try PipeEnds()
        defer { pipe.closeBoth() }
        let writer = LineWriter(descriptor: pipe.write)
        // Far more than a pipe holds (64 KiB by default), in short lines that would go inline.
        let lines = (0..<4000).map { Array("line \($0) of a reader that went quiet".utf8) }
        let done = Mutex(false)
        let enqueued = Task.detached {
            for line in lines { writer.enqueue(line) }
            done.withLock { $0 = true }
        }
        // The caller finishes while nobody reads (a blocked caller would hang here for good).
        await enqueued.value
        #expect(done.withLock { $0 })
        let total = lines.reduce(0) { $0 + $1.count + 1 }
        let received = await pipe.readToEnd(limit: total)
        #expect(received.split(separator: 0x0A).map(Array.init) == lines)
        await writer.finish()
    }

    @Test("a reader that went away fails the writer once; later lines are dropped, drain returns")
    func closedReader() async throws {
        signal(SIGPIPE, SIG_IGN)
        let pipe = try PipeEnds()
        close(pipe.read)
        defer { close(pipe.write) }
        let failures = Mutex<[Int32]>([])
        let writer = LineWriter(descriptor: pipe.write, onFailure: { code in failures.withLock { $0.append(code) } })
        writer.enqueue(Array("first".utf8))
        await writer.drain()
        #expect(failures.withLock { $0 } == [EPIPE])
        #expect(!writer.enqueue(Array("second".utf8)))
        await writer.drain()
        #expect(failures.withLock { $0 } == [EPIPE])
        await writer.finish()
    }
}
