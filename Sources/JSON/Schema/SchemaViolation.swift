/// One way an instance fails a schema: where, and what is wrong.
public struct SchemaViolation: Sendable, Hashable, CustomStringConvertible {
    /// The pointer to the offending value inside the instance (`/labels/2`).
    public var pointer: JSONPointer
    /// What is wrong, in words a model can act on (`expected integer, got string`).
    public var message: String

    /// Creates a violation.
    public init(pointer: JSONPointer, message: String) {
        self.pointer = pointer
        self.message = message
    }

    /// `pointer: message`, with the root shown as `(arguments)`.
    public var description: String {
        "\(pointer.isRoot ? "(arguments)" : pointer.description): \(message)"
    }
}
