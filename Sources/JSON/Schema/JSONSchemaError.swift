/// Why a schema cannot be compiled: the keyword's location and what is wrong with it.
public struct JSONSchemaError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The pointer to the offending keyword inside the schema.
    public var pointer: JSONPointer
    /// What is wrong.
    public var message: String

    /// Creates a schema error.
    public init(pointer: JSONPointer, message: String) {
        self.pointer = pointer
        self.message = message
    }

    /// `pointer: message`.
    public var description: String { "\(pointer): \(message)" }
}
