import JSON

/// The result of one tool call as the engine produced it, with what the audit log records.
public struct ToolOutcome: Sendable {
    /// The text content shown to the model.
    public var text: String
    /// The structured content, when the result has one (and fits the budget).
    public var structured: JSONValue?
    /// Whether ``text`` is exactly the compact JSON encoding of ``structured``, so a writer may
    /// send the text's bytes as the structured content instead of encoding the value again.
    public var textIsStructured: Bool = false
    /// The error, when the call failed.
    public var error: EngineError?
    /// HTTP requests sent (every try of every page).
    public var attempts: Int
    /// The HTTP status of the last vendor response, when there was one.
    public var status: Int?

    /// Whether the call failed.
    public var isError: Bool { error != nil }

    /// A successful outcome.
    public static func success(
        text: String, structured: JSONValue?, textIsStructured: Bool = false, attempts: Int, status: Int?
    ) -> ToolOutcome {
        ToolOutcome(
            text: text, structured: structured, textIsStructured: textIsStructured && structured != nil, error: nil,
            attempts: attempts, status: status)
    }

    /// A failed outcome: the error's text and structured form.
    public static func failure(_ error: EngineError, attempts: Int) -> ToolOutcome {
        ToolOutcome(
            text: error.text, structured: error.structured, error: error, attempts: attempts, status: error.status)
    }
}
