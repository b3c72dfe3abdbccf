import Foundation
import Synchronization
import Testing

@testable import SystemIO

/// The one file worker thread: jobs run in submission order, all on the same named thread, off the caller's.
@Suite struct WorkerThreadTests {
    @Test("jobs run one after another, in submission order, on one thread named after the worker")
    func ordered() async {
        let worker = WorkerThread(name: "switchyard-wt")
        let seen = Mutex<[(Int, String)]>([])
        for index in 0..<50 {
            let (stream, continuation) = AsyncStream.makeStream(of: Void.self)
            worker.submit {
                let comm = (try? String(contentsOfFile: "/proc/thread-self/comm", encoding: .utf8)) ?? ""
                seen.withLock { $0.append((index, comm.trimmingCharacters(in: .newlines))) }
                continuation.finish()
            }
            if index % 10 == 9 { for await _ in stream {} }
        }
        let last = await BlockingFileWork.run { 1 }
        #expect(last == 1)
        let (stream, continuation) = AsyncStream.makeStream(of: Void.self)
        worker.submit { continuation.finish() }
        for await _ in stream {}
        let runs = seen.withLock { $0 }
        #expect(runs.map(\.0) == Array(0..<50))
        #expect(Set(runs.map(\.1)) == ["switchyard-wt"])
    }

    @Test("blocking file work returns the body's value or rethrows its typed error")
    func fileWork() async {
        struct Refused: Error, Equatable {}
        #expect(await BlockingFileWork.run { 6 * 7 } == 42)
        await #expect(throws: Refused()) {
            try await BlockingFileWork.run { () throws(Refused) -> Int in throw Refused() }
        }
    }
}
