import JSON

/// The outcome of one tool call, before rendering for a revision.
public struct ToolCallResult: Sendable, Equatable {
    /// The text content block shown to the model (compact JSON or a short error message).
    public var text: String
    /// The structured result (sent from revision 2025-06-18 on), if any.
    public var structuredContent: JSONValue?
    /// Whether the call failed (arguments, upstream, policy); the model reads and corrects.
    public var isError: Bool
    /// Whether ``text`` is exactly the compact JSON of ``structuredContent``: the server then
    /// writes the text's bytes as the structured content rather than encoding the value again.
    public var textIsStructured: Bool
    /// Set when the call was not run because a person must confirm it first and the question goes
    /// back in the result (``ConfirmationDecision/deferred``); the session renders it as
    /// `input_required`, and ``text`` is only a fallback.
    public var pendingConfirmation: ConfirmationPrompt?

    /// Creates a result.
    public init(
        text: String, structuredContent: JSONValue? = nil, isError: Bool = false, textIsStructured: Bool = false
    ) {
        self.text = text
        self.structuredContent = structuredContent
        self.isError = isError
        self.textIsStructured = textIsStructured && structuredContent != nil
    }
}
