import JSON
import Synchronization

/// The requests this server sent to a legacy-era client (`elicitation/create`) and is waiting on,
/// by id, so the client's responses reach the call that asked.
///
/// Ids are strings `switchyard-<n>` from a counter that never repeats in a process. The client's
/// own request ids live in the other direction and cannot collide with them (JSON-RPC ids are
/// scoped by sender); a response from the client whose id matches no waiting question is ignored.
///
/// A question ends once: with the client's response, when the asking call is cancelled (the
/// question is withdrawn with `notifications/cancelled`), when no answer comes in time (likewise
/// withdrawn), or when the input ends (nothing can answer any more).
final class PendingQuestions: Sendable {
    /// How a question ended.
    enum Answer: Sendable, Equatable {
        /// The client's `result`.
        case result(JSONValue)
        /// The client's `error`.
        case error(JSONValue)
        /// The asking call was cancelled after the question was sent; it is to be withdrawn.
        case withdrawn
        /// The asking call was cancelled before anything was sent.
        case notAsked
        /// No answer within the time allowed; it is to be withdrawn.
        case timedOut
        /// The client's input ended, or the server stopped, with the question open.
        case closed
    }

    private struct State {
        var next: UInt64 = 0
        var waiting: [String: CheckedContinuation<Answer, Never>] = [:]
        var closed = false
    }

    private let state = Mutex(State())

    /// Creates an empty table.
    init() {}

    /// A new question id.
    func makeID() -> String {
        state.withLock { state in
            state.next += 1
            return "switchyard-\(state.next)"
        }
    }

    /// Registers question `id`, runs `send` (which writes the request) under the table's lock so
    /// that a withdrawal can never overtake it, and waits for the answer. Returns `.notAsked`
    /// without sending when the task is already cancelled, `.closed` when the input has ended.
    func ask(_ id: String, timeout: Duration, send: () -> Void) async -> Answer {
        let timer = Task {
            try? await Task.sleep(for: timeout)
            if !Task.isCancelled { resolve(id, with: .timedOut) }
        }
        defer { timer.cancel() }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Answer, Never>) in
                let refusal = state.withLock { state -> Answer? in
                    if state.closed { return .closed }
                    if Task.isCancelled { return .notAsked }
                    state.waiting[id] = continuation
                    send()
                    return nil
                }
                if let refusal { continuation.resume(returning: refusal) }
            }
        } onCancel: {
            resolve(id, with: .withdrawn)
        }
    }

    /// Ends question `id` with `answer`; returns `false` when no such question is open.
    @discardableResult
    func resolve(_ id: String, with answer: Answer) -> Bool {
        guard let continuation = state.withLock({ $0.waiting.removeValue(forKey: id) }) else { return false }
        continuation.resume(returning: answer)
        return true
    }

    /// Ends every open question with `.closed`, and any asked later at once: nothing can answer.
    func closeAll() {
        let waiting = state.withLock { state -> [CheckedContinuation<Answer, Never>] in
            state.closed = true
            defer { state.waiting = [:] }
            return Array(state.waiting.values)
        }
        for continuation in waiting { continuation.resume(returning: .closed) }
    }
}
