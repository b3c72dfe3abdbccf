/// Why a schema cannot be compiled: the keyword's location and what is wrong with it.
package struct JSONSchemaError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The pointer to the offending keyword inside the schema.
    package var pointer: JSONPointer
    /// What is wrong.
    package var message: String

    /// Creates a schema error.
    package init(pointer: JSONPointer, message: String) {
        self.pointer = pointer
        self.message = message
    }

    /// `pointer: message`.
    package var description: String { "\(pointer): \(message)" }
}
