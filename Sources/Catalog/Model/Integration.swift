/// One loaded integration file: a vendor API, its defaults and its operations.
package struct Integration: Sendable {
    /// The integration's name (`github`), the prefix of its tool names.
    package var name: String
    /// A human title (`GitHub`).
    package var title: String?
    /// What the API is for.
    package var description: String?
    /// The base URL, interpolated, without a trailing slash.
    package var baseURL: String
    /// Default headers, interpolated.
    package var headers: [(name: String, value: String)]
    /// How requests are authenticated, interpolated.
    package var auth: AuthConfig
    /// The shared request budget, if any.
    package var rateLimit: RateLimitConfig?
    /// Every operation, in file order (resources in order, operations in order).
    package var operations: [APIOperation]
    /// The file it came from.
    package var file: String
    /// Every value read from an environment variable referenced by `auth` (for redaction).
    package var secretValues: [String]
    /// The account these settings belong to (variables with a `__ACCOUNT` suffix); `nil` for the
    /// default account (the unsuffixed variables).
    package var account: String?

    /// Creates an integration.
    package init(
        name: String, title: String? = nil, description: String? = nil, baseURL: String,
        headers: [(name: String, value: String)] = [], auth: AuthConfig = .none, rateLimit: RateLimitConfig? = nil,
        operations: [APIOperation] = [], file: String = "", secretValues: [String] = []
    ) {
        self.name = name
        self.title = title
        self.description = description
        self.baseURL = baseURL
        self.headers = headers
        self.auth = auth
        self.rateLimit = rateLimit
        self.operations = operations
        self.file = file
        self.secretValues = secretValues
    }
}
