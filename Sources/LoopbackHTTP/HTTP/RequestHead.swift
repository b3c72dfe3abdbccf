/// The request line and header fields of one HTTP/1.x request, before its body is read.
struct RequestHead: Sendable {
    /// The method token as sent, e.g. `"GET"`.
    var method: String
    /// The raw request-target, e.g. `"/repos/a%2Fb/issues?state=open"`.
    var target: String
    /// The protocol version token, e.g. `"HTTP/1.1"`.
    var version: String
    /// Header fields in the order received.
    var headers: [(name: String, value: String)]

    /// True when the body uses `Transfer-Encoding: chunked` (which wins over `Content-Length`).
    var isChunked: Bool { HeaderFields.contains(token: "chunked", in: "Transfer-Encoding", of: headers) }

    /// True when the client sent `Expect: 100-continue` and waits for an interim response.
    var expectsContinue: Bool { HeaderFields.contains(token: "100-continue", in: "Expect", of: headers) }

    /// True for `HEAD`, whose response carries a `Content-Length` but no body.
    var isHead: Bool { method == "HEAD" }

    /// Whether the client wants the connection kept open after this exchange.
    ///
    /// HTTP/1.1 defaults to keep-alive unless `Connection: close`; HTTP/1.0 defaults to close
    /// unless `Connection: keep-alive`.
    var keepsAlive: Bool {
        if HeaderFields.contains(token: "close", in: "Connection", of: headers) { return false }
        if version == "HTTP/1.0" { return HeaderFields.contains(token: "keep-alive", in: "Connection", of: headers) }
        return true
    }

    /// The declared body length; nil when absent. Throws on a value that is not a non-negative integer.
    func contentLength() throws -> Int? {
        guard let text = HeaderFields.value(of: "Content-Length", in: headers) else { return nil }
        guard let length = Int(text), length >= 0 else { throw HTTPParseError("bad Content-Length: \(text)") }
        return length
    }
}
