import Synchronization

/// A one-shot event: `fire()` once, `wait()` from any number of tasks. A waiting task that is
/// cancelled stops waiting.
final class Signal: Sendable {
    private struct State {
        var fired = false
        var waiters: [UInt64: CheckedContinuation<Void, Never>] = [:]
        var cancelled: Set<UInt64> = []
        var lastID: UInt64 = 0
    }

    private let state = Mutex(State())

    /// Whether the signal has fired.
    var isFired: Bool { state.withLock { $0.fired } }

    /// Fires the signal, releasing every waiter.
    func fire() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.fired = true
            defer { state.waiters = [:] }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Returns when the signal fires or the calling task is cancelled.
    func wait() async {
        let id = state.withLock { state -> UInt64 in
            state.lastID += 1
            return state.lastID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let ready = state.withLock { state -> Bool in
                    if state.fired || state.cancelled.contains(id) { return true }
                    state.waiters[id] = continuation
                    return false
                }
                if ready { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
                state.cancelled.insert(id)
                return state.waiters.removeValue(forKey: id)
            }
            waiter?.resume()
        }
    }

    /// Waits at most `timeout` for the signal; returns whether it fired.
    func wait(timeout: Duration) async -> Bool {
        _ = await withTimeout(timeout: timeout) { await self.wait() }
        return isFired
    }
}
