import JSON

/// One MCP tool generated from an operation: what the model sees, plus what the engine needs.
package struct Tool: Sendable {
    /// The unique tool name.
    package var name: String
    /// The integration it belongs to.
    package var integration: String
    /// The operation behind it (effective settings).
    package var operation: APIOperation
    /// The description sent to the model (with the cursor sentence for list kinds).
    package var description: String
    /// The generated input schema (`additionalProperties: false`).
    package var inputSchema: JSONValue
    /// The compiled input schema used to validate arguments before any request.
    package var validator: JSONSchema
    /// The same schema without `required`, used when a list call passes `next_cursor`
    /// (the cursor carries the original arguments).
    package var cursorValidator: JSONSchema?
    /// The output schema (list kinds), if any.
    package var outputSchema: JSONValue?
    /// The annotations object (`readOnlyHint`, `destructiveHint`, `idempotentHint`, `openWorldHint`).
    package var annotations: JSONValue
    /// A digest (16 hex digits) of what a list cursor depends on: the request line, the input
    /// schema and the pagination settings. A cursor made under another fingerprint is refused,
    /// so an edited file never resumes a walk it no longer describes.
    package var fingerprint: String

    /// The operation's kind.
    package var kind: OperationKind { operation.kind }
    /// The tags of the resource and operation.
    package var tags: [String] { operation.tags }
    /// The optional human title.
    package var title: String? { operation.title }
}
