import JSON

/// One MCP tool generated from an operation: what the model sees, plus what the engine needs.
public struct Tool: Sendable {
    /// The unique tool name.
    public var name: String
    /// The integration it belongs to.
    public var integration: String
    /// The operation behind it (effective settings).
    public var operation: APIOperation
    /// The description sent to the model (with the cursor sentence for list kinds).
    public var description: String
    /// The generated input schema (`additionalProperties: false`).
    public var inputSchema: JSONValue
    /// The compiled input schema used to validate arguments before any request.
    public var validator: JSONSchema
    /// The same schema without `required`, used when a list call passes `next_cursor`
    /// (the cursor carries the original arguments).
    public var cursorValidator: JSONSchema?
    /// The output schema (list kinds), if any.
    public var outputSchema: JSONValue?
    /// The annotations object (`readOnlyHint`, `destructiveHint`, `idempotentHint`, `openWorldHint`).
    public var annotations: JSONValue
    /// A digest (16 hex digits) of what a list cursor depends on: the request line, the input
    /// schema and the pagination settings. A cursor made under another fingerprint is refused,
    /// so an edited file never resumes a walk it no longer describes.
    public var fingerprint: String

    /// The operation's kind.
    public var kind: OperationKind { operation.kind }
    /// The tags of the resource and operation.
    public var tags: [String] { operation.tags }
    /// The optional human title.
    public var title: String? { operation.title }
}
