import JSON

/// The seam between the protocol session and whatever provides tools (the catalogue and engine in
/// production, a scripted host in tests).
///
/// The session renders what the host returns for the negotiated revision; the host knows nothing
/// of JSON-RPC or eras.
package protocol ToolHost: Sendable {
    /// The tools exposed right now, in a stable order. Cheap: called on every `tools/list`.
    ///
    /// Asynchronous so that a host still loading its tools can have the caller wait.
    func tools() async -> [ToolDescriptor]

    /// Runs one tool call. Returns `nil` when no exposed tool has that name (the session answers
    /// -32602). Argument, upstream and policy failures are results with `isError` set, never `nil`;
    /// so is a call held for a person's answer (``ConfirmationDecision/deferred`` from
    /// ``ToolCallContext/confirm``), which the session then answers with the question.
    /// Cancelling the calling task must abort the call promptly.
    func call(_ name: String, arguments: JSONObject, context: ToolCallContext) async -> ToolResult?

    /// Yields once each time the set of tools changes (live reload); finishes when the host stops.
    func changes() -> AsyncStream<Void>
}
