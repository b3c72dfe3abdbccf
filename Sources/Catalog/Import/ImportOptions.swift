/// What `switchyard import openapi` is asked for besides the document: the integration's name,
/// which operations to keep, and the vendor URL to default to.
package struct ImportOptions: Sendable {
    /// The integration name (`[a-z][a-z0-9_]*`); `nil` derives one from the servers' host or the title.
    package var name: String?
    /// A regular expression an operation must match to be kept (see ``OperationSelector``).
    package var include: String?
    /// A regular expression that leaves an operation out when it matches.
    package var exclude: String?
    /// The default behind `${NAME_API_URL:-…}`, in place of the document's first server.
    package var baseURL: String?

    /// Creates options; every field is optional.
    package init(name: String? = nil, include: String? = nil, exclude: String? = nil, baseURL: String? = nil) {
        self.name = name
        self.include = include
        self.exclude = exclude
        self.baseURL = baseURL
    }
}
