/// Malformed or truncated HTTP/1.1 input, from a client (on the server side) or a server (in `RawHTTPClient`).
package struct HTTPParseError: Error, Sendable, CustomStringConvertible {
    /// What was wrong with the input.
    package let message: String

    /// Creates an error describing what was wrong with the input.
    package init(_ message: String) {
        self.message = message
    }

    /// The message, prefixed so it reads well in a test failure.
    package var description: String { "malformed HTTP: \(message)" }
}
