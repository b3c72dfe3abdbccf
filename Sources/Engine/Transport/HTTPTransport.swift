/// The seam between the engine and the wire: libcurl in production, a recorder or a replayer around it.
///
/// A transport sends exactly one request and returns exactly one response; it never retries,
/// never follows redirects and never adds credentials. Cancelling the calling task aborts the
/// transfer at once and throws ``TransportError/cancelled``.
package protocol HTTPTransport: Sendable {
    /// Sends one request and waits for its response without blocking a cooperative thread.
    func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse
}
