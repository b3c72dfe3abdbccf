/// Why a byte sequence is not a JSON text.
package struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The byte offset at which the problem was found.
    package var offset: Int
    /// What is wrong there.
    package var reason: String

    /// Creates a parse error.
    package init(offset: Int, reason: String) {
        self.offset = offset
        self.reason = reason
    }

    /// A one-line human message such as `unexpected character at byte 12`.
    package var description: String { "\(reason) at byte \(offset)" }
}
