import Foundation

/// What the loopback server does with one request: answer it, wait first, or misbehave on purpose.
///
/// Every response carries a `Content-Length` computed from its body (any `Content-Length` in
/// `headers` is dropped), except `truncatedBody`, which declares a length it then does not deliver,
/// and `closeDelimited`, which declares none.
package enum ServerReply: Sendable {
    /// Sends a complete response with these headers and body.
    case respond(status: Int, headers: [(String, String)], body: Data)
    /// Waits on the connection's thread for the duration, then performs the inner reply.
    ///
    /// If the client closes or resets the connection meanwhile, the wait ends there and the
    /// connection is closed without a reply (so ``LoopbackServer/connectionsClosed`` counts it at
    /// once). Bytes the client sends during the wait, such as a pipelined request, do not end it.
    indirect case delayed(Duration, ServerReply)
    /// Sends an interim (1xx) head, e.g. `103 Early Hints`, with these headers, then performs the next reply.
    ///
    /// Nest it to send several interim heads:
    /// `.interim(status: 103, headers: [("Link", "</style.css>; rel=preload")], then: .text("done"))`.
    indirect case interim(status: Int, headers: [(String, String)], then: ServerReply)
    /// Sends the head without `Content-Length`, then the body, then closes: the body is delimited
    /// by the end of the connection (RFC 9112 §6.3, last rule).
    ///
    /// The head says `Connection: close` only when the client asked to close or the reply is
    /// wrapped in `.closing`, so by default the client learns of the framing from the missing length alone.
    case closeDelimited(status: Int, headers: [(String, String)], body: Data)
    /// Performs the inner reply with `Connection: close`, then closes the connection.
    indirect case closing(ServerReply)
    /// Closes the connection abruptly without any response; the client sees a TCP reset.
    case reset
    /// Sends the head declaring `declaredLength` body bytes, then only `body`, then closes.
    case truncatedBody(status: Int, headers: [(String, String)], body: Data, declaredLength: Int)
    /// Sends exactly these bytes (a malformed status line, HTTP/0.9, oversized headers…), then closes.
    case raw(Data)
    /// Never answers: holds the connection, reading and discarding, until the client closes it
    /// (a cancelled call, a process that exits) or the server stops. See
    /// ``LoopbackServer/waitForClosedConnections(count:timeout:)``.
    case stall

    /// A JSON response; sets `Content-Type: application/json` unless `headers` sets a content type.
    package static func json(_ status: Int, _ text: String, headers: [(String, String)] = []) -> ServerReply {
        withContentType("application/json", status: status, text: text, headers: headers)
    }

    /// A 200 JSON response, e.g. `.json(#"{"ok":true}"#)`.
    package static func json(_ text: String, headers: [(String, String)] = []) -> ServerReply {
        json(200, text, headers: headers)
    }

    /// A plain-text response; sets `Content-Type: text/plain; charset=utf-8` unless `headers` sets one.
    package static func text(_ status: Int, _ text: String, headers: [(String, String)] = []) -> ServerReply {
        withContentType("text/plain; charset=utf-8", status: status, text: text, headers: headers)
    }

    /// A 200 plain-text response, e.g. `.text("pong")`.
    package static func text(_ text: String, headers: [(String, String)] = []) -> ServerReply {
        self.text(200, text, headers: headers)
    }

    /// A response with no body, e.g. `.empty(204)`.
    package static func empty(_ status: Int, headers: [(String, String)] = []) -> ServerReply {
        .respond(status: status, headers: headers, body: Data())
    }

    /// A redirect to `location` with an empty body, e.g. `.redirect(302, "/v2/items")`.
    package static func redirect(_ status: Int, _ location: String, headers: [(String, String)] = []) -> ServerReply {
        .respond(status: status, headers: [("Location", location)] + headers, body: Data())
    }

    /// Sends only the head, declaring `declaredLength` body bytes, then closes the connection.
    package static func closeAfterHeaders(
        _ status: Int = 200,
        headers: [(String, String)] = [],
        declaredLength: Int
    ) -> ServerReply {
        .truncatedBody(status: status, headers: headers, body: Data(), declaredLength: declaredLength)
    }

    private static func withContentType(
        _ contentType: String,
        status: Int,
        text: String,
        headers: [(String, String)]
    ) -> ServerReply {
        let hasContentType = headers.contains { $0.0.caseInsensitiveEquals("Content-Type") }
        let allHeaders = hasContentType ? headers : [("Content-Type", contentType)] + headers
        return .respond(status: status, headers: allHeaders, body: Data(text.utf8))
    }
}
