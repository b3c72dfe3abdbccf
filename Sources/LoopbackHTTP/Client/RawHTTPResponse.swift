import Foundation

/// One HTTP response as `RawHTTPClient` read it off the wire.
package struct RawHTTPResponse: Sendable {
    /// The status code, e.g. 200, or 100 for an interim `100 Continue`.
    package let status: Int
    /// The reason phrase as sent.
    package let reason: String
    /// Header fields in the order and spelling received.
    package let headers: [(name: String, value: String)]
    /// The body after any chunked transfer coding has been removed.
    package let body: Data

    /// Creates a response record.
    package init(status: Int, reason: String, headers: [(name: String, value: String)], body: Data) {
        self.status = status
        self.reason = reason
        self.headers = headers
        self.body = body
    }

    /// The value of the first header named `name`, compared case-insensitively.
    package func header(_ name: String) -> String? {
        HeaderFields.value(of: name, in: headers)
    }

    /// The body decoded as UTF-8, invalid sequences replaced.
    package var bodyText: String { String(decoding: body, as: UTF8.self) }

    /// True for 1xx interim responses, which carry no body and precede the final response.
    package var isInterim: Bool { (100..<200).contains(status) }

    /// True when the server announced it will close the connection after this response.
    package var closesConnection: Bool { HeaderFields.contains(token: "close", in: "Connection", of: headers) }
}
