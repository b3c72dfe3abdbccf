import Engine
import Synchronization
import TestSupport
import Testing

/// The semaphore behind write ordering and the in-flight cap: FIFO, cancellable, deadline-bounded.
@Suite struct AsyncSemaphoreTests {
    @Test("a waiter whose deadline passes gets no permit, and the permit is not lost")
    func deadline() async throws {
        let semaphore = AsyncSemaphore(permits: 1)
        try await semaphore.acquire()
        let clock = ManualClock()
        #expect(try await !semaphore.acquire(until: clock.now() + .milliseconds(100), clock: clock))
        #expect(clock.elapsed == .milliseconds(100))
        #expect(try await !semaphore.acquire(until: clock.now() - .seconds(1), clock: clock))
        semaphore.release()
        #expect(try await semaphore.acquire(until: clock.now() + .seconds(10), clock: clock))
        semaphore.release()
        #expect(try await semaphore.acquire(until: clock.now() - .seconds(1), clock: clock), "a free permit is taken")
    }

    @Test("a queued waiter with a deadline gets the permit when it is released in time")
    func releasedInTime() async throws {
        let semaphore = AsyncSemaphore(permits: 1)
        try await semaphore.acquire()
        let clock = ManualClock(mode: .manual)
        let waiter = Task { try await semaphore.acquire(until: clock.now() + .seconds(30), clock: clock) }
        #expect(await clock.waitForSleepers(1, timeout: .seconds(10)))
        semaphore.release()
        #expect(try await waiter.value)
    }

    @Test("permits are handed out in arrival order, and a cancelled waiter leaves the queue")
    func fifoAndCancellation() async throws {
        let semaphore = AsyncSemaphore(permits: 1)
        try await semaphore.acquire()
        let order = Arrivals()
        let clock = ManualClock(mode: .manual)
        var waiters: [Task<Void, any Error>] = []
        for index in 1...4 {
            waiters.append(
                Task {
                    _ = try await semaphore.acquire(until: clock.now() + .seconds(30), clock: clock)
                    order.append(index)
                    semaphore.release()
                })
            // Each waiter's deadline timer starts once it is running; wait for it before the next.
            #expect(await clock.waitForSleepers(index, timeout: .seconds(10)))
        }
        let cancelled = waiters[1]
        cancelled.cancel()
        await #expect(throws: CancellationError.self) { try await cancelled.value }
        semaphore.release()
        for (index, waiter) in waiters.enumerated() where index != 1 { try await waiter.value }
        #expect(order.values == [1, 3, 4])
    }
}

/// Indices in the order their tasks got a permit.
private final class Arrivals: Sendable {
    private let list = Mutex<[Int]>([])

    func append(_ index: Int) { list.withLock { $0.append(index) } }

    var values: [Int] { list.withLock { $0 } }
}
