import Testing

/// One write tool of the catalogue and the exact request its vendor documents.
struct WriteCase: Sendable, CustomTestStringConvertible {
    /// How the expected body is encoded.
    enum Body: Sendable {
        /// A JSON body, compared by value.
        case json(String)
        /// A form body, compared as decoded `name=value` pairs in order.
        case form([String])
        /// No body at all.
        case none
    }

    let vendor: CatalogueVendor
    let tool: String
    let arguments: String
    let method: String
    /// The path the vendor receives, raw (percent-encoded), without the vendor's prefix.
    let path: String
    var query: [String: String] = [:]
    let body: Body
    /// Headers the request must carry.
    var headers: [String: String] = [:]
    /// The vendor's reply.
    var reply: String = #"{"id":"reply-1","ok":true}"#
    var status: Int = 200

    var testDescription: String { tool }
}
