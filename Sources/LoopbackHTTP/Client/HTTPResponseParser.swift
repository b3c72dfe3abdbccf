import Foundation

/// Reads HTTP/1.1 responses for `RawHTTPClient`, framing bodies the way RFC 9112 §6.3 says.
enum HTTPResponseParser {
    /// Reads one response (interim 1xx responses included) from `reader`.
    ///
    /// `toHead` says the request was `HEAD`, whose response has no body whatever its headers say.
    static func read(from reader: inout SocketReader, toHead: Bool) throws -> RawHTTPResponse {
        guard let statusLine = try reader.readLine() else {
            throw HTTPParseError("connection closed before a response")
        }
        let parts = statusLine.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/1."), let status = Int(parts[1]) else {
            throw HTTPParseError("bad status line: \(statusLine)")
        }
        let reason = parts.count > 2 ? String(parts[2]) : ""
        let headers = try reader.readHeaderFields()
        let body: Data
        if toHead || (100..<200).contains(status) || status == 204 || status == 304 {
            body = Data()
        } else if HeaderFields.contains(token: "chunked", in: "Transfer-Encoding", of: headers) {
            body = try reader.readChunkedBody()
        } else if let lengthText = HeaderFields.value(of: "Content-Length", in: headers) {
            guard let length = Int(lengthText), length >= 0 else {
                throw HTTPParseError("bad Content-Length: \(lengthText)")
            }
            body = try reader.read(exactly: length)
        } else {
            body = try reader.readToEnd()
        }
        return RawHTTPResponse(status: status, reason: reason, headers: headers, body: body)
    }
}
