import Synchronization

/// The server's shutdown request (SIGTERM/SIGINT): set once, awaited by the reading loop, and
/// read by calls that end while the server aborts them.
final class ShutdownGate: Sendable {
    private struct State {
        var grace: Duration?
        var aborting = false
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())

    /// Asks for a shutdown that lets in-flight requests finish for `grace`; later asks do nothing.
    func request(grace: Duration) {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            guard state.grace == nil else { return [] }
            state.grace = grace
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    /// The grace period asked for, or `nil` while no shutdown was requested.
    var grace: Duration? { state.withLock { $0.grace } }

    /// Whether in-flight requests are being aborted because the grace period ran out.
    var isAborting: Bool { state.withLock { $0.aborting } }

    /// Marks that the grace period ran out and in-flight requests are being aborted.
    func beginAborting() {
        state.withLock { $0.aborting = true }
    }

    /// Returns once a shutdown is requested, or when the calling task is cancelled.
    func wait() async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                // Checked under the lock: a cancellation that ran its handler before this point has
                // already set the flag, so the waiter is never left behind.
                let requested = state.withLock { state -> Bool in
                    guard state.grace == nil, !Task.isCancelled else { return true }
                    state.waiters.append(continuation)
                    return false
                }
                if requested { continuation.resume() }
            }
        } onCancel: {
            let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
                defer { state.waiters = [] }
                return state.waiters
            }
            for waiter in waiters { waiter.resume() }
        }
    }
}
