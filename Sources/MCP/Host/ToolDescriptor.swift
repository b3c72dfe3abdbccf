import JSON

/// One tool as the protocol lists it, before rendering for a revision.
package struct ToolDescriptor: Sendable, Equatable {
    /// The unique tool name (`github_issues_list`).
    package var name: String
    /// A human-readable title (sent from revision 2025-06-18 on).
    package var title: String?
    /// What the tool does and when to use it; sent to the model.
    package var description: String
    /// The JSON Schema of the arguments (an object schema).
    package var inputSchema: JSONValue
    /// The JSON Schema of `structuredContent` (sent from 2025-06-18 on), if declared.
    package var outputSchema: JSONValue?
    /// The behaviour hints object (`readOnlyHint`, …; sent from 2025-03-26 on), if any.
    package var annotations: JSONValue?

    /// Creates a descriptor.
    package init(
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
