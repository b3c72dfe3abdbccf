import Engine
import Foundation
import Synchronization

/// The real clock, plus a way for a test to wait until the engine has started a given number of
/// sleeps (backoffs, budget waits) — so a test can act *during* a wait without sleeping itself.
final class ObservedClock: EngineClock {
    private struct Waiter {
        let count: Int
        let continuation: CheckedContinuation<Bool, Never>
    }

    private struct State {
        var started = 0
        var waiters: [UUID: Waiter] = [:]
    }

    private let base = SystemClock()
    private let state = Mutex(State())

    /// The current monotonic instant.
    func now() -> ContinuousClock.Instant { base.now() }

    /// The current wall-clock time.
    func wallTime() -> Date { base.wallTime() }

    /// Counts the sleep, wakes waiters whose count is reached, then sleeps for real.
    func sleep(until deadline: ContinuousClock.Instant) async throws(CancellationError) {
        let ready = state.withLock { state -> [Waiter] in
            state.started += 1
            let ready = state.waiters.filter { $0.value.count <= state.started }
            for key in ready.keys { state.waiters.removeValue(forKey: key) }
            return Array(ready.values)
        }
        for waiter in ready { waiter.continuation.resume(returning: true) }
        try await base.sleep(until: deadline)
    }

    /// Suspends until `count` sleeps have started or `timeout` passes; returns whether they started.
    func waitForSleeps(_ count: Int, timeout: Duration) async -> Bool {
        let id = UUID()
        let timer = Task {
            try? await Task.sleep(for: timeout)
            let waiter = state.withLock { $0.waiters.removeValue(forKey: id) }
            waiter?.continuation.resume(returning: false)
        }
        defer { timer.cancel() }
        return await withCheckedContinuation { continuation in
            let now = state.withLock { state -> Bool in
                if state.started >= count { return true }
                state.waiters[id] = Waiter(count: count, continuation: continuation)
                return false
            }
            if now { continuation.resume(returning: true) }
        }
    }
}
