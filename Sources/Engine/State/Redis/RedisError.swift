/// Why a Redis command did not get an answer. An error *reply* (`-ERR …`) is not one of these:
/// it comes back as ``RESPValue/error(_:)`` for the caller to judge.
package struct RedisError: Error, Sendable, Equatable {
    /// The kind of failure.
    package enum Kind: Sendable, Equatable {
        /// No connection could be made (refused, unreachable, DNS).
        case unreachable
        /// The server did not answer in time.
        case timeout
        /// The connection broke or the server sent something that is not RESP.
        case connectionLost
        /// The server refused `AUTH` or `SELECT`.
        case refused
        /// The client was closed.
        case closed
    }

    /// The kind of failure.
    package var kind: Kind
    /// A short description, never carrying a password or a stored value.
    package var message: String

    /// Creates an error.
    package init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }
}
