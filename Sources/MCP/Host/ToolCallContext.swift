/// What a tool call may use of the request that carried it.
package struct ToolCallContext: Sendable {
    /// Reports progress (items so far, expected total) when the client asked for it; `nil` otherwise.
    /// The session sends each report as `notifications/progress` before the response.
    package var progress: (@Sendable (_ progress: Double, _ total: Double?) async -> Void)?
    /// The protocol revision the request is answered under (`describe_tools` renders definitions
    /// for it); `nil` when unknown, read as the newest legacy revision.
    package var revision: ProtocolRevision?
    /// Asks a person to confirm a call that needs it, the way the client allows (a question to the
    /// client, an `input_required` result, a terminal prompt); `nil` when nobody can be asked.
    package var confirm: (@Sendable (ConfirmationPrompt) async -> ConfirmationDecision)?
    /// The caller's trace context (`_meta.traceparent` / `tracestate`) as received; the host checks it
    /// and continues it on the vendor requests.
    package var trace: RequestTrace?

    /// Creates a context.
    package init(
        progress: (@Sendable (_ progress: Double, _ total: Double?) async -> Void)? = nil,
        revision: ProtocolRevision? = nil,
        confirm: (@Sendable (ConfirmationPrompt) async -> ConfirmationDecision)? = nil, trace: RequestTrace? = nil
    ) {
        self.progress = progress
        self.revision = revision
        self.confirm = confirm
        self.trace = trace
    }
}
