import Foundation

/// One complete HTTP request as the loopback server received it, byte-faithful where it matters.
///
/// The target, path and query are kept raw (still percent-encoded) so tests can assert exactly
/// what the engine put on the wire; `queryItems` offers the decoded view.
package struct ReceivedRequest: Sendable {
    /// The method token, e.g. `"GET"`.
    package let method: String
    /// The raw request-target as sent, e.g. `"/repos/a%2Fb/issues?state=open"`.
    package let target: String
    /// The raw path: the target up to its first `?`.
    package let path: String
    /// The raw query string after the first `?`, or nil when the target has no `?`.
    package let query: String?
    /// Query pairs in order, percent-decoded (`+` is kept literally, as most JSON APIs expect).
    package let queryItems: [(name: String, value: String)]
    /// The protocol version token, e.g. `"HTTP/1.1"`.
    package let httpVersion: String
    /// Header fields in the order and spelling received.
    package let headers: [(name: String, value: String)]
    /// The body after any chunked transfer coding has been removed.
    package let body: Data
    /// Which accepted connection carried the request; the first connection is 1.
    package let connectionID: Int
    /// Arrival order across the whole server; the first request is 1. Not reset by `LoopbackServer.reset()`.
    package let sequence: Int
    /// When the request had been read completely.
    package let receivedAt: ContinuousClock.Instant

    /// Creates a request record; `path`, `query` and `queryItems` are derived from `target`.
    package init(
        method: String,
        target: String,
        httpVersion: String = "HTTP/1.1",
        headers: [(name: String, value: String)] = [],
        body: Data = Data(),
        connectionID: Int = 1,
        sequence: Int = 1,
        receivedAt: ContinuousClock.Instant = .now
    ) {
        self.method = method
        self.target = target
        self.httpVersion = httpVersion
        self.headers = headers
        self.body = body
        self.connectionID = connectionID
        self.sequence = sequence
        self.receivedAt = receivedAt
        if let questionMark = target.firstIndex(of: "?") {
            path = String(target[..<questionMark])
            let rawQuery = String(target[target.index(after: questionMark)...])
            query = rawQuery
            queryItems = PercentDecoding.queryItems(rawQuery)
        } else {
            path = target
            query = nil
            queryItems = []
        }
    }

    /// The value of the first header named `name`, compared case-insensitively.
    package func header(_ name: String) -> String? {
        HeaderFields.value(of: name, in: headers)
    }

    /// Every value of the headers named `name`, in order, compared case-insensitively.
    package func headerValues(_ name: String) -> [String] {
        headers.filter { $0.name.caseInsensitiveEquals(name) }.map(\.value)
    }

    /// The decoded value of the first query item named `name` (case-sensitive, as query names are).
    package func queryValue(_ name: String) -> String? {
        queryItems.first { $0.name == name }?.value
    }

    /// The body decoded as UTF-8, invalid sequences replaced.
    package var bodyText: String { String(decoding: body, as: UTF8.self) }

    /// The path split on `/` into raw (still percent-encoded) segments, without the leading empty one.
    package var pathSegments: [String] {
        path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
    }
}
