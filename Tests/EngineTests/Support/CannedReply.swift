/// What ``BlockingHTTPServer`` does with a request.
struct CannedReply: Sendable {
    /// The status code of the final response.
    var status = 200
    /// The reason phrase of the final response.
    var reason = "OK"
    /// Header fields besides `Content-Length`, which the server adds itself.
    var headers: [(name: String, value: String)] = []
    /// The response body.
    var body: [UInt8] = []
    /// How long to wait before answering; a client that closes meanwhile ends the connection.
    var delay: Duration = .zero
    /// Raw interim response heads (`HTTP/1.1 103 …\r\n…\r\n\r\n`) sent before the delay.
    var interim: [String] = []
    /// Send no `Content-Length` and end the body by closing the connection.
    var closeDelimited = false
    /// Reset the connection (`SO_LINGER` 0) instead of answering.
    var reset = false

    /// A reply with a UTF-8 body.
    static func text(_ text: String, status: Int = 200, headers: [(name: String, value: String)] = []) -> Self {
        CannedReply(status: status, headers: headers, body: Array(text.utf8))
    }
}
