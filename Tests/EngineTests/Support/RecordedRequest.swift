/// One request as ``BlockingHTTPServer`` read it off the wire.
struct RecordedRequest: Sendable {
    /// The method from the request line.
    var method: String
    /// The request target from the request line (path and query).
    var target: String
    /// The header fields in the order received.
    var headers: [(name: String, value: String)]
    /// The body bytes (from `Content-Length`).
    var body: [UInt8]
    /// Which accepted connection carried the request, counting from 1.
    var connection: Int

    /// Every value of the named header, compared case-insensitively.
    func values(of name: String) -> [String] {
        headers.filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
    }

    /// The first value of the named header, or `nil`.
    func value(of name: String) -> String? {
        values(of: name).first
    }
}
