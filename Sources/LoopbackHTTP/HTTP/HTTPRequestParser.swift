import Foundation

/// Reads HTTP/1.1 requests off one connection, head first and body second.
///
/// Splitting the two lets the connection send `100 Continue` after the head when the client
/// asked for it, before the client will send the body.
struct HTTPRequestParser: Sendable {
    private var reader: SocketReader

    /// Creates a parser reading from the connected socket `descriptor`.
    init(descriptor: Int32) {
        reader = SocketReader(descriptor: descriptor)
    }

    /// Reads the next request line and headers; nil when the client closed the connection between requests.
    ///
    /// Empty lines before a request line are skipped, as RFC 9112 §2.2 allows.
    mutating func readHead() throws -> RequestHead? {
        var requestLine = ""
        while requestLine.isEmpty {
            guard let line = try reader.readLine() else { return nil }
            requestLine = line
        }
        let parts = requestLine.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty, parts[2].hasPrefix("HTTP/1.") else {
            throw HTTPParseError("bad request line: \(requestLine)")
        }
        let headers = try reader.readHeaderFields()
        return RequestHead(
            method: String(parts[0]), target: String(parts[1]), version: String(parts[2]), headers: headers)
    }

    /// Reads the body that `head` announces: chunked, `Content-Length`, or none.
    mutating func readBody(for head: RequestHead) throws -> Data {
        if head.isChunked { return try reader.readChunkedBody() }
        guard let length = try head.contentLength(), length > 0 else { return Data() }
        return try reader.read(exactly: length)
    }
}
