import Synchronization

/// One request being served: its task, and the guard that makes "answered" and "cancelled"
/// mutually exclusive and final.
///
/// The response, every progress notification and the cancellation all pass through one lock:
/// a response racing a cancellation is either sent before the cancellation is seen (then the
/// cancellation is moot) or suppressed; progress is only sent while the request is still
/// running, so never after its response nor after its cancellation.
final class InFlightRequest: Sendable {
    private enum Phase {
        case running, answered, cancelled
    }

    private struct State {
        var phase = Phase.running
        var task: Task<[UInt8]?, Never>?
        var lastProgress: Double?
    }

    private let state = Mutex(State())

    /// Creates a running request.
    init() {}

    /// Whether the request was cancelled.
    var isCancelled: Bool { state.withLock { $0.phase == .cancelled } }

    /// Remembers the task serving the request (cancelling it at once if already cancelled).
    func attach(_ task: Task<[UInt8]?, Never>) {
        let cancelled = state.withLock { state -> Bool in
            guard state.phase == .running else { return state.phase == .cancelled }
            state.task = task
            return false
        }
        if cancelled { task.cancel() }
    }

    /// Cancels the request: its task is cancelled and nothing more will be sent for it.
    /// Does nothing once the response went out.
    func cancel() {
        let task = state.withLock { state -> Task<[UInt8]?, Never>? in
            guard state.phase == .running else { return nil }
            state.phase = .cancelled
            defer { state.task = nil }
            return state.task
        }
        task?.cancel()
    }

    /// Cancels the request's task while it stays answerable: the server is shutting down and
    /// answers the call with an error instead of dropping it.
    func abort() {
        let task = state.withLock { state in state.phase == .running ? state.task : nil }
        task?.cancel()
    }

    /// Marks the request answered and runs `send` under the guard; returns `false` (without
    /// running `send`) when it was cancelled or already answered.
    func complete(_ send: () -> Void) -> Bool {
        state.withLock { state -> Bool in
            guard state.phase == .running else { return false }
            state.phase = .answered
            state.task = nil
            send()
            return true
        }
    }

    /// Runs `send` while the request is running (neither answered nor cancelled).
    func sendWhileRunning(_ send: () -> Void) {
        state.withLock { state in
            guard state.phase == .running else { return }
            send()
        }
    }

    /// Runs `send` for a progress report while the request is running and `progress` is greater
    /// than the last one reported (the specification wants progress to increase).
    func reportProgress(_ progress: Double, _ send: () -> Void) {
        state.withLock { state in
            guard state.phase == .running, progress > (state.lastProgress ?? -.infinity) else { return }
            state.lastProgress = progress
            send()
        }
    }
}
