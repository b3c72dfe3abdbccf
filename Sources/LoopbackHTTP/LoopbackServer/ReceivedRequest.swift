import Foundation

/// One complete HTTP request as the loopback server received it, byte-faithful where it matters.
///
/// The target, path and query are kept raw (still percent-encoded) so tests can assert exactly
/// what the engine put on the wire; `queryItems` offers the decoded view.
public struct ReceivedRequest: Sendable {
    /// The method token, e.g. `"GET"`.
    public let method: String
    /// The raw request-target as sent, e.g. `"/repos/a%2Fb/issues?state=open"`.
    public let target: String
    /// The raw path: the target up to its first `?`.
    public let path: String
    /// The raw query string after the first `?`, or nil when the target has no `?`.
    public let query: String?
    /// Query pairs in order, percent-decoded (`+` is kept literally, as most JSON APIs expect).
    public let queryItems: [(name: String, value: String)]
    /// The protocol version token, e.g. `"HTTP/1.1"`.
    public let httpVersion: String
    /// Header fields in the order and spelling received.
    public let headers: [(name: String, value: String)]
    /// The body after any chunked transfer coding has been removed.
    public let body: Data
    /// Which accepted connection carried the request; the first connection is 1.
    public let connectionID: Int
    /// Arrival order across the whole server; the first request is 1. Not reset by `LoopbackServer.reset()`.
    public let sequence: Int
    /// When the request had been read completely.
    public let receivedAt: ContinuousClock.Instant

    /// Creates a request record; `path`, `query` and `queryItems` are derived from `target`.
    public init(
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
    public func header(_ name: String) -> String? {
        HeaderFields.value(of: name, in: headers)
    }

    /// Every value of the headers named `name`, in order, compared case-insensitively.
    public func headerValues(_ name: String) -> [String] {
        headers.filter { $0.name.caseInsensitiveEquals(name) }.map(\.value)
    }

    /// The decoded value of the first query item named `name` (case-sensitive, as query names are).
    public func queryValue(_ name: String) -> String? {
        queryItems.first { $0.name == name }?.value
    }

    /// The body decoded as UTF-8, invalid sequences replaced.
    public var bodyText: String { String(decoding: body, as: UTF8.self) }

    /// The path split on `/` into raw (still percent-encoded) segments, without the leading empty one.
    public var pathSegments: [String] {
        path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
    }
}
