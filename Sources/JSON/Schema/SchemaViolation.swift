/// One way an instance fails a schema: where, and what is wrong.
package struct SchemaViolation: Sendable, Hashable, CustomStringConvertible {
    /// The pointer to the offending value inside the instance (`/labels/2`).
    package var pointer: JSONPointer
    /// What is wrong, in words a model can act on (`expected integer, got string`).
    package var message: String

    /// Creates a violation.
    package init(pointer: JSONPointer, message: String) {
        self.pointer = pointer
        self.message = message
    }

    /// `pointer: message`, with the root shown as `(arguments)`.
    package var description: String {
        "\(pointer.isRoot ? "(arguments)" : pointer.description): \(message)"
    }
}
