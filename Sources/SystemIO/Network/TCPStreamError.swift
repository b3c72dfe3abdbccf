/// Why a ``TCPStream`` failed.
package struct TCPStreamError: Error, Sendable, Equatable {
    /// What went wrong.
    package enum Kind: Sendable, Equatable {
        /// The host could not be resolved or connected to.
        case unreachable
        /// The deadline passed first.
        case timeout
        /// The connection broke or the peer closed it.
        case connectionLost
    }

    /// What went wrong.
    package let kind: Kind
    /// A sentence for people.
    package let message: String

    /// Creates the error.
    package init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }
}
