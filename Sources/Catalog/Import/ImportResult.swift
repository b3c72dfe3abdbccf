import JSON

/// A draft integration file and what the importer has to say about it.
package struct ImportResult: Sendable {
    /// The draft as a JSON value, members in the order they are written.
    package var integration: JSONValue
    /// The draft as text, ready to write to a file (ends with a newline).
    package var text: String
    /// Warnings, each located by a JSON Pointer into the OpenAPI document.
    package var warnings: [Diagnostic]
    /// How many operations became tools.
    package var operationCount: Int
}
