import JSON

/// One operation of a resource: an HTTP request template, its arguments and its behaviour.
///
/// Integration-level defaults are already folded in: ``retry``, ``timeoutMs``, ``pagination``,
/// ``errors`` and ``idempotencyHeader`` are the effective values for this operation.
package struct APIOperation: Sendable, Hashable {
    /// The operation's key inside its resource (`list`, `create`, `transition`).
    package var key: String
    /// The resource's key (`issues`).
    package var resource: String
    /// What the operation does.
    package var kind: OperationKind
    /// The HTTP method (upper case).
    package var method: String
    /// The path template relative to the base URL, with `{param}` placeholders.
    package var path: String
    /// The description sent to the model (before the list sentence is appended).
    package var description: String
    /// An optional human title.
    package var title: String?
    /// The parameters, in file order.
    package var parameters: [Parameter]
    /// Extra headers (operation-level overrides merged over the integration's), not yet interpolated by kind.
    package var headers: [(name: String, value: String)]
    /// Constant query parameters.
    package var query: [(name: String, value: String)]
    /// A constant body merged under the arguments.
    package var body: JSONValue?
    /// Effective retry settings.
    package var retry: RetryConfig
    /// Effective whole-call timeout in milliseconds.
    package var timeoutMs: Int
    /// Effective pagination (list kinds; `none` style when the vendor has one page).
    package var pagination: PaginationConfig?
    /// Effective error reading.
    package var errors: ErrorConfig
    /// The idempotency header to send one key per call in, if configured.
    package var idempotencyHeader: String?
    /// How the request body is encoded: JSON (default) or `application/x-www-form-urlencoded`.
    package var bodyEncoding: BodyEncoding = .json
    /// Whether the file marks the operation (or its resource) `"confirm": true`: under the default
    /// confirmation policy a person approves each call before anything is sent.
    package var confirm = false
    /// Whether the file marks the operation `"check": true`: the cheap identity call
    /// `switchyard doctor` makes to prove the integration's credentials work.
    package var check = false
    /// The operation's own request budget (`requests` per `per_seconds`), taken on top of the
    /// integration's: a vendor's per-method limit. `nil` when the file sets none.
    package var rateLimit: RateLimitConfig?
    /// JSON Pointers removed from the result (from each item for list kinds).
    package var omit: [JSONPointer]
    /// Annotation overrides from the file, merged over the kind's.
    package var annotationOverrides: JSONObject
    /// The tags of the resource and the operation, deduplicated, in order.
    package var tags: [String]
    /// The tool name (`{integration}_{resource}_{operation}` unless set).
    package var toolName: String
    /// The resource's `description` (its vendor vocabulary, e.g. "Workflow transitions (status
    /// changes) of an issue."), when the file gives one; read by the discovery ranking.
    package var resourceDescription: String?

    /// Creates an operation.
    package init(
        key: String, resource: String, kind: OperationKind, method: String, path: String, description: String,
        title: String? = nil, parameters: [Parameter] = [], headers: [(name: String, value: String)] = [],
        query: [(name: String, value: String)] = [], body: JSONValue? = nil, retry: RetryConfig = .standard,
        timeoutMs: Int = 30000, pagination: PaginationConfig? = nil, errors: ErrorConfig = ErrorConfig(),
        idempotencyHeader: String? = nil, omit: [JSONPointer] = [], annotationOverrides: JSONObject = JSONObject(),
        tags: [String] = [], toolName: String
    ) {
        self.key = key
        self.resource = resource
        self.kind = kind
        self.method = method
        self.path = path
        self.description = description
        self.title = title
        self.parameters = parameters
        self.headers = headers
        self.query = query
        self.body = body
        self.retry = retry
        self.timeoutMs = timeoutMs
        self.pagination = pagination
        self.errors = errors
        self.idempotencyHeader = idempotencyHeader
        self.omit = omit
        self.annotationOverrides = annotationOverrides
        self.tags = tags
        self.toolName = toolName
    }

    /// Operations are equal when they describe the same tool the same way.
    package static func == (lhs: APIOperation, rhs: APIOperation) -> Bool {
        lhs.toolName == rhs.toolName && lhs.method == rhs.method && lhs.path == rhs.path
            && lhs.description == rhs.description && lhs.parameters == rhs.parameters && lhs.kind == rhs.kind
            && lhs.confirm == rhs.confirm
    }

    /// Hashes the identifying fields.
    package func hash(into hasher: inout Hasher) {
        hasher.combine(toolName)
        hasher.combine(method)
        hasher.combine(path)
    }
}
