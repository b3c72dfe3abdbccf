import Dispatch
import Synchronization

/// Bounds how many bytes of input a reader thread may have handed over but not yet seen
/// consumed; past the bound the reader thread waits, so a client that floods the input is
/// slowed down by the pipe instead of growing the server's memory.
final class ReadBudget: Sendable {
    private struct State {
        var outstanding = 0
        var readerWaiting = false
        var cancelled = false
    }

    /// The outstanding byte count past which the reader waits.
    let limit: Int
    private let state = Mutex(State())
    private let resume = DispatchSemaphore(value: 0)

    /// Creates a budget of `limit` bytes.
    init(limit: Int) {
        self.limit = limit
    }

    /// Records `cost` bytes handed over; blocks the calling (reader) thread while over the limit.
    /// Returns `false` once the budget was cancelled.
    func spend(_ cost: Int) -> Bool {
        let mustWait = state.withLock { state -> Bool in
            state.outstanding += cost
            guard !state.cancelled, state.outstanding > limit else { return false }
            state.readerWaiting = true
            return true
        }
        if mustWait { resume.wait() }
        return !state.withLock { $0.cancelled }
    }

    /// Records `cost` bytes consumed, waking the reader when back under the limit.
    func refund(_ cost: Int) {
        let wake = state.withLock { state -> Bool in
            state.outstanding -= cost
            guard state.readerWaiting, state.outstanding <= limit else { return false }
            state.readerWaiting = false
            return true
        }
        if wake { resume.signal() }
    }

    /// Releases a waiting reader for good (the consumer has gone).
    func cancel() {
        let wake = state.withLock { state -> Bool in
            state.cancelled = true
            defer { state.readerWaiting = false }
            return state.readerWaiting
        }
        if wake { resume.signal() }
    }

    /// What an event costs against the budget: its bytes plus a fixed overhead, so that many
    /// tiny lines are bounded too.
    static func cost(of event: TransportEvent) -> Int {
        if case .line(let bytes) = event { return bytes.count + 64 }
        return 64
    }
}
