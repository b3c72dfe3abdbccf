import JSON

/// One tool as the protocol lists it, before rendering for a revision.
public struct ToolDescriptor: Sendable, Equatable {
    /// The unique tool name (`github_issues_list`).
    public var name: String
    /// A human-readable title (sent from revision 2025-06-18 on).
    public var title: String?
    /// What the tool does and when to use it; sent to the model.
    public var description: String
    /// The JSON Schema of the arguments (an object schema).
    public var inputSchema: JSONValue
    /// The JSON Schema of `structuredContent` (sent from 2025-06-18 on), if declared.
    public var outputSchema: JSONValue?
    /// The behaviour hints object (`readOnlyHint`, …; sent from 2025-03-26 on), if any.
    public var annotations: JSONValue?

    /// Creates a descriptor.
    public init(
        name: String, title: String? = nil, description: String, inputSchema: JSONValue,
        outputSchema: JSONValue? = nil, annotations: JSONValue? = nil
    ) {
        self.name = name
        self.title = title
        self.description = description
        self.inputSchema = inputSchema
        self.outputSchema = outputSchema
        self.annotations = annotations
    }
}
