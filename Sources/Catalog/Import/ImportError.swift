/// Why an OpenAPI document could not be turned into a draft integration.
///
/// The code decides the exit status: a document that cannot be read as OpenAPI 3 (or options that
/// make no sense) is a usage error, exit 2; a readable document from which nothing could be
/// imported is exit 1.
package struct ImportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure this is; new codes may be added.
    package struct Code: Sendable, Hashable {
        private enum Value: Hashable {
            case unreadable, unsupported, badOption, nothingImported
        }

        private let value: Value

        /// The input is not JSON, too large, or not a file.
        package static let unreadable = Code(value: .unreadable)
        /// The input is JSON but not an OpenAPI 3.0/3.1 document (Swagger 2.0, YAML, anything else).
        package static let unsupported = Code(value: .unsupported)
        /// An option is invalid (a name, a regular expression, a base URL).
        package static let badOption = Code(value: .badOption)
        /// The document was read, but no operation could be imported from it.
        package static let nothingImported = Code(value: .nothingImported)
    }

    /// What kind of failure this is.
    package var code: Code
    /// One line for the person who ran the command.
    package var message: String

    /// Creates an error.
    package init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The process exit status: 1 when nothing could be imported, 2 otherwise.
    package var exitStatus: Int32 { code == .nothingImported ? 1 : 2 }

    /// The message.
    package var description: String { message }
}
