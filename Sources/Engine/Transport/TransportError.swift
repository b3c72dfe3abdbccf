/// Why a transport could not produce a response.
package struct TransportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The broad class of failure; it decides the engine's error type and whether a retry is safe.
    package enum Kind: Sendable, Equatable {
        /// The request's `timeout` elapsed (connect or transfer).
        case timeout
        /// The connection could not be made (refused, DNS, TLS handshake): the server never saw the request.
        case connectFailed
        /// The connection broke after the request may have been sent (reset, EOF mid-response).
        case connectionLost
        /// The response exceeded the transport's size limit.
        case tooLarge
        /// The calling task was cancelled and the transfer aborted.
        case cancelled
        /// The request could not be sent at all (malformed URL, unsupported scheme).
        case invalidRequest
        /// The vendor answered with something that is not an HTTP response libcurl can read (a bad
        /// status line, HTTP/0.9, oversized or malformed headers, a body its encoding cannot decode).
        case invalidResponse
        /// A replaying transport has no recorded exchange for the request.
        case replayMiss
        /// Any other failure.
        case other
    }

    /// The class of failure.
    package var kind: Kind
    /// A short human message, free of secrets (never the request headers or body).
    package var message: String

    /// Creates a transport error.
    package init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The message, prefixed by nothing: it is meant for logs and tool results.
    package var description: String { message }
}
