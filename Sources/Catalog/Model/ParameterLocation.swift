/// Where an argument goes in the HTTP request.
package enum ParameterLocation: String, Sendable, Hashable {
    /// A `{name}` segment of the path, percent-encoded as one segment.
    case path
    /// A query-string parameter.
    case query
    /// A request header.
    case header
    /// A member of the JSON request body (see ``Parameter/bodyPointer``).
    case body
}
