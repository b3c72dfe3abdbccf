import FoundationEssentials

/// One HTTP request as the engine hands it to a transport: fully built, authenticated, absolute URL.
package struct HTTPRequest: Sendable, Equatable {
    /// The HTTP method in upper case (`GET`, `POST`, …).
    package var method: String
    /// The absolute URL, already percent-encoded.
    package var url: String
    /// Header fields in the order they are sent; names keep the case they were given.
    package var headers: HTTPHeaders
    /// The request body, or `nil` for none.
    package var body: Data?
    /// The longest the whole exchange may take, connect included; `nil` means no limit of its own.
    package var timeout: Duration?
    /// The longest the TCP/TLS connect phase may take.
    package var connectTimeout: Duration
    /// Whether the request must go out on a new connection rather than a reused one.
    ///
    /// libcurl silently sends a request again when the reused connection it went out on turns out
    /// dead before any response byte; the server may still have processed the first copy. A request
    /// that must never be sent twice (a `create` without an idempotency key) sets this, so that a
    /// broken connection is reported instead of repeated.
    package var requiresFreshConnection = false
    /// The integration account the request acts for (`nil`: the default or only account). Never
    /// sent; recordings keep it so a replay answers each account with its own exchanges.
    package var account: String?

    /// Creates a request; the connect timeout defaults to 10 seconds.
    package init(
        method: String, url: String, headers: HTTPHeaders = HTTPHeaders(), body: Data? = nil,
        timeout: Duration? = nil, connectTimeout: Duration = .seconds(10)
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
        self.connectTimeout = connectTimeout
    }
}
