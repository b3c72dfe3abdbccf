/// Why a byte sequence is not a JSON text.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The byte offset at which the problem was found.
    public var offset: Int
    /// What is wrong there.
    public var reason: String

    /// Creates a parse error.
    public init(offset: Int, reason: String) {
        self.offset = offset
        self.reason = reason
    }

    /// A one-line human message such as `unexpected character at byte 12`.
    public var description: String { "\(reason) at byte \(offset)" }
}
