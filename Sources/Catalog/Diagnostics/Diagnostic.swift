import JSON

/// One problem found in an integration file: where it is, how bad it is, and what is wrong.
package struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How bad a diagnostic is.
    package enum Severity: String, Sendable, Hashable {
        /// The file (or the whole set) cannot be used.
        case error
        /// The file works, but something should be fixed (a short description, an unset variable).
        case warning
    }

    /// The file the problem is in, as it was given on the command line or found in a directory.
    package var file: String
    /// The JSON Pointer to the offending value inside the file (`""` for the whole file).
    package var pointer: JSONPointer
    /// Error or warning.
    package var severity: Severity
    /// What is wrong, in one line.
    package var message: String

    /// Creates a diagnostic.
    package init(file: String, pointer: JSONPointer, severity: Severity, message: String) {
        self.file = file
        self.pointer = pointer
        self.severity = severity
        self.message = message
    }

    /// `FILE:POINTER: severity: message`, the line `switchyard validate` prints.
    package var description: String {
        "\(file):\(pointer): \(severity.rawValue): \(message)"
    }
}
