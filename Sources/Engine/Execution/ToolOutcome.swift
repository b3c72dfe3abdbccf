import JSON

/// One tool call as the engine ran it: the ``ToolResult`` that goes to the client, and what the
/// audit log records beside it (the error, attempts, the last status).
package struct ToolOutcome: Sendable {
    /// What the client is sent.
    package var result: ToolResult
    /// The error, when the call failed.
    package var error: EngineError?
    /// HTTP requests sent (every try of every page).
    package var attempts: Int
    /// The HTTP status of the last vendor response, when there was one.
    package var status: Int?

    /// The text content shown to the model.
    package var text: String { result.text }
    /// The structured content, when the result has one (and fits the budget).
    package var structured: JSONValue? { result.structuredContent }
    /// Whether the call failed.
    package var isError: Bool { error != nil }

    /// A successful outcome whose text and structured content are unrelated (or the latter absent).
    static func success(text: String, structured: JSONValue?, attempts: Int, status: Int?) -> ToolOutcome {
        ToolOutcome(result: ToolResult(text: text, structuredContent: structured), attempts: attempts, status: status)
    }

    /// A successful outcome whose `text` is exactly the compact JSON of `structured`.
    static func success(text: String, encodedFrom structured: JSONValue, attempts: Int, status: Int?) -> ToolOutcome {
        ToolOutcome(result: ToolResult(text: text, encodedFrom: structured), attempts: attempts, status: status)
    }

    /// A failed outcome: the error's text and structured form.
    package static func failure(_ error: EngineError, attempts: Int) -> ToolOutcome {
        ToolOutcome(
            result: ToolResult(text: error.text, structuredContent: error.structured, isError: true), error: error,
            attempts: attempts, status: error.status)
    }
}
