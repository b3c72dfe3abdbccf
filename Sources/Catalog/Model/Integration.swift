/// One loaded integration file: a vendor API, its defaults and its operations.
public struct Integration: Sendable {
    /// The integration's name (`github`), the prefix of its tool names.
    public var name: String
    /// A human title (`GitHub`).
    public var title: String?
    /// What the API is for.
    public var description: String?
    /// The base URL, interpolated, without a trailing slash.
    public var baseURL: String
    /// Default headers, interpolated.
    public var headers: [(name: String, value: String)]
    /// How requests are authenticated, interpolated.
    public var auth: AuthConfig
    /// The shared request budget, if any.
    public var rateLimit: RateLimitConfig?
    /// Every operation, in file order (resources in order, operations in order).
    public var operations: [APIOperation]
    /// The file it came from.
    public var file: String
    /// Every value read from an environment variable referenced by `auth` (for redaction).
    public var secretValues: [String]
    /// The account these settings belong to (variables with a `__ACCOUNT` suffix); `nil` for the
    /// default account (the unsuffixed variables).
    public var account: String?

    /// Creates an integration.
    public init(
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
