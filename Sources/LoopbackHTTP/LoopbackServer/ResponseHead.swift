import Foundation

/// Serialises the status line and header block of a loopback server response.
enum ResponseHead {
    /// The head bytes: status line, `headers` minus any `Content-Length`/`Connection`, then ours, then CRLF.
    ///
    /// A nil `contentLength` leaves the length out, so the body ends where the connection does.
    static func bytes(status: Int, headers: [(String, String)], contentLength: Int?, closing: Bool) -> Data {
        var text = "HTTP/1.1 \(status) \(reasonPhrase(for: status))\r\n"
        for (name, value) in headers
        where !name.caseInsensitiveEquals("Content-Length") && !name.caseInsensitiveEquals("Connection") {
            text += "\(name): \(value)\r\n"
        }
        if let contentLength { text += "Content-Length: \(contentLength)\r\n" }
        if closing { text += "Connection: close\r\n" }
        text += "\r\n"
        return Data(text.utf8)
    }

    /// An interim (1xx) head: status line, `headers` as given, CRLF; interim responses carry no body.
    static func interimBytes(status: Int, headers: [(String, String)]) -> Data {
        var text = "HTTP/1.1 \(status) \(reasonPhrase(for: status))\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        text += "\r\n"
        return Data(text.utf8)
    }

    /// The interim response sent when a client asked for `Expect: 100-continue`.
    static let continueInterim = interimBytes(status: 100, headers: [])

    /// The standard reason phrase for common codes; `"Status"` for the rest (clients ignore it).
    static func reasonPhrase(for status: Int) -> String {
        switch status {
        case 100: "Continue"
        case 103: "Early Hints"
        case 200: "OK"
        case 201: "Created"
        case 202: "Accepted"
        case 204: "No Content"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 303: "See Other"
        case 304: "Not Modified"
        case 307: "Temporary Redirect"
        case 308: "Permanent Redirect"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 409: "Conflict"
        case 422: "Unprocessable Content"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: "Status"
        }
    }
}
