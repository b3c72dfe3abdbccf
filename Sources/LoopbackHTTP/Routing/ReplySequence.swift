import Synchronization

/// A thread-safe script of replies handed out one per call, then a fallback forever after.
///
/// ```swift
/// let script = ReplySequence([.json(429, "{}", headers: [("Retry-After", "1")]), .json(429, "{}")],
///                            then: .json(#"{"ok":true}"#))
/// let server = try LoopbackServer(handler: script.handler)
/// ```
package final class ReplySequence: Sendable {
    private struct State {
        var pending: [ServerReply]
        var handedOut = 0
    }

    private let state: Mutex<State>
    private let fallback: ServerReply

    /// Creates a script that gives `replies` in order and `fallback` once they are used up.
    package init(_ replies: [ServerReply], then fallback: ServerReply) {
        state = Mutex(State(pending: replies.reversed()))
        self.fallback = fallback
    }

    /// The next scripted reply, or the fallback when the script is exhausted.
    package func next() -> ServerReply {
        state.withLock { state in
            state.handedOut += 1
            return state.pending.popLast() ?? fallback
        }
    }

    /// How many replies (scripted or fallback) have been handed out.
    package var handedOut: Int { state.withLock { $0.handedOut } }

    /// How many scripted replies are still to come before the fallback.
    package var remaining: Int { state.withLock { $0.pending.count } }

    /// A server handler that ignores the request and answers with `next()`.
    package var handler: @Sendable (ReceivedRequest) -> ServerReply {
        { _ in self.next() }
    }
}
