import JSON

/// A draft integration file and what the importer has to say about it.
public struct ImportResult: Sendable {
    /// The draft as a JSON value, members in the order they are written.
    public var integration: JSONValue
    /// The draft as text, ready to write to a file (ends with a newline).
    public var text: String
    /// Warnings, each located by a JSON Pointer into the OpenAPI document.
    public var warnings: [Diagnostic]
    /// How many operations became tools.
    public var operationCount: Int
}
