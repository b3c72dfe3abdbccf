import Synchronization

/// The open `subscriptions/listen` streams (2026-07-28): each gets a wake-up whenever the tool
/// set changes, and all end together when the input ends or the server stops.
final class SubscriptionHub: Sendable {
    private struct State {
        var next = 0
        var streams: [Int: AsyncStream<Void>.Continuation] = [:]
        var closed = false
    }

    private let state = Mutex(State())

    /// Creates a hub with no subscription.
    init() {}

    /// Opens a stream of change wake-ups; it finishes at ``closeAll()`` (at once when already
    /// closed). Pass the token to ``remove(_:)`` when done.
    func open() -> (changes: AsyncStream<Void>, token: Int) {
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let token = state.withLock { state -> Int? in
            guard !state.closed else { return nil }
            state.next += 1
            state.streams[state.next] = continuation
            return state.next
        }
        guard let token else {
            continuation.finish()
            return (stream, 0)
        }
        return (stream, token)
    }

    /// Forgets a finished subscription.
    func remove(_ token: Int) {
        state.withLock { _ = $0.streams.removeValue(forKey: token) }
    }

    /// Wakes every subscription: the tool set changed.
    func announce() {
        for stream in state.withLock({ Array($0.streams.values) }) { stream.yield() }
    }

    /// Ends every subscription, and any opened later at once.
    func closeAll() {
        let streams = state.withLock { state -> [AsyncStream<Void>.Continuation] in
            state.closed = true
            defer { state.streams = [:] }
            return Array(state.streams.values)
        }
        for stream in streams { stream.finish() }
    }
}
