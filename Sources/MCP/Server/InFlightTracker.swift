import Synchronization

/// Counts the request tasks still running so that, at EOF, the server can wait for all of them.
final class InFlightTracker: Sendable {
    private struct State {
        var count = 0
        var nextWaiter = 0
        var waiters: [Int: CheckedContinuation<Bool, Never>] = [:]
    }

    private let state = Mutex(State())

    /// Records one more running task.
    func begin() {
        state.withLock { $0.count += 1 }
    }

    /// Records one task finished, waking waiters when none is left.
    func end() {
        let waiters = state.withLock { state -> [CheckedContinuation<Bool, Never>] in
            state.count -= 1
            guard state.count == 0 else { return [] }
            defer { state.waiters = [:] }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume(returning: true) }
    }

    /// Returns when no task is running.
    func waitUntilIdle() async {
        _ = await waitUntilIdle(for: nil)
    }

    /// Returns `true` once no task is running, or `false` when `limit` passed first.
    func waitUntilIdle(for limit: Duration?) async -> Bool {
        await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            let waiter = state.withLock { state -> Int? in
                guard state.count > 0 else { return nil }
                state.nextWaiter += 1
                state.waiters[state.nextWaiter] = continuation
                return state.nextWaiter
            }
            guard let waiter else { return continuation.resume(returning: true) }
            guard let limit else { return }
            Task { [self] in
                try? await Task.sleep(for: limit)
                let expired = state.withLock { $0.waiters.removeValue(forKey: waiter) }
                expired?.resume(returning: false)
            }
        }
    }
}
