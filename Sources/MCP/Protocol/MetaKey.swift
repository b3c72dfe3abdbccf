/// The `_meta` keys the protocol layer reads and writes.
enum MetaKey {
    /// The modern revision a request speaks (request `_meta`).
    static let protocolVersion = "io.modelcontextprotocol/protocolVersion"
    /// The client's capabilities for one modern request (request `_meta`).
    static let clientCapabilities = "io.modelcontextprotocol/clientCapabilities"
    /// The server's identity on every modern result (result `_meta`).
    static let serverInfo = "io.modelcontextprotocol/serverInfo"
    /// The subscription a notification belongs to: the `subscriptions/listen` request's id.
    static let subscriptionID = "io.modelcontextprotocol/subscriptionId"
    /// W3C Trace Context of the request (request `_meta`).
    static let traceparent = "traceparent"
    /// W3C Trace Context vendor state (request `_meta`).
    static let tracestate = "tracestate"
    /// The token the client wants progress reported under (request `_meta`).
    static let progressToken = "progressToken"
}
