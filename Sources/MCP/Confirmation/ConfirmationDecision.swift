/// What became of asking a person to confirm one tool call.
package enum ConfirmationDecision: Sendable, Equatable {
    /// The person confirmed: the call goes ahead.
    case approved
    /// The person declined, dismissed the question, or no answer came; `reason` says which.
    /// Nothing is sent.
    case declined(reason: String)
    /// Nobody can be asked (the client has no elicitation capability). Nothing is sent.
    case unavailable
    /// The question goes back to the client in the result (2026-07-28 `input_required`); the
    /// call is answered when the client retries with the person's answer. Nothing is sent now.
    case deferred
}
