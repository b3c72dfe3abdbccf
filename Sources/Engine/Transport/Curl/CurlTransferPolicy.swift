/// The transport-wide settings every transfer of a ``CurlTransport`` is configured with.
struct CurlTransferPolicy: Sendable {
    /// The largest response body accepted, in bytes (after content decoding).
    var maxResponseBytes: Int
    /// The proxy URL to use, or `nil` for none (proxy environment variables are ignored either way).
    var proxy: String?
}
