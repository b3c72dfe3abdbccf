import FoundationEssentials

/// One HTTP response as a transport returns it. Redirects are never followed by a transport:
/// a 3xx arrives here as it was sent, and the engine decides.
package struct HTTPResponse: Sendable, Equatable {
    /// The status code of the final response (after any 1xx interim responses).
    package var status: Int
    /// Header fields of the final response, in the order received.
    package var headers: HTTPHeaders
    /// The response body as received (decoded from any content encoding).
    package var body: Data

    /// Creates a response.
    package init(status: Int, headers: HTTPHeaders = HTTPHeaders(), body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}
