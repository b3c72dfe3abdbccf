import Foundation
import Glibc
import Synchronization
import SystemIO
import Testing

/// The line writer behind stdout and stderr: short lines to a pipe with room are written by the
/// caller, the rest by the writer thread; either way lines arrive whole and in order, and the
/// caller never blocks on a reader that does not read.
@Suite struct LineWriterTests {
    /// A pipe whose read end is drained into memory on demand.
    private final class PipePair: Sendable {
        let read: Int32
        let write: Int32

        init() throws {
            var fds: [Int32] = [0, 0]
            guard pipe(&fds) == 0 else { throw POSIXError(.EMFILE) }
            read = fds[0]
            write = fds[1]
        }

        /// Reads until `byteCount` bytes have arrived or EOF; blocking, so call off the pool.
        func readBytes(_ byteCount: Int) -> [UInt8] {
            var result: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 64 << 10)
            while result.count < byteCount {
                let count = chunk.withUnsafeMutableBytes { Glibc.read(read, $0.baseAddress, $0.count) }
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { break }
                result += chunk[..<count]
            }
            return result
        }

        func closeBoth() {
            close(read)
            close(write)
        }
    }

    /// Reads `byteCount` bytes on a thread of its own and hands them back.
    private static func collect(_ pipe: PipePair, _ byteCount: Int) async -> [UInt8] {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: pipe.readBytes(byteCount)) }.start()
        }
    }

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
        let pipe = try PipePair()
        defer { pipe.closeBoth() }
        let writer = LineWriter(descriptor: pipe.write)
        let producers = 4
        let perProducer = 60
        let expected = (0..<producers).map { Self.lines(producer: $0, count: perProducer) }
        let total = expected.joined().reduce(0) { $0 + $1.count + 1 }
        async let received = Self.collect(pipe, total)
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
        let pipe = try PipePair()
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
        let received = await Self.collect(pipe, total)
        #expect(received.split(separator: 0x0A).map(Array.init) == lines)
        await writer.finish()
    }

    @Test("a reader that went away fails the writer once; later lines are dropped, drain returns")
    func closedReader() async throws {
        signal(SIGPIPE, SIG_IGN)
        let pipe = try PipePair()
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
