import Catalog

/// What the engine keeps per integration while serving: its auth provider, its rate limiter and
/// its request builder. Created once per integration configuration and shared by all calls.
public struct IntegrationRuntime: Sendable {
    /// The integration (interpolated settings).
    public let integration: Integration
    /// Its credentials.
    public let auth: any AuthProvider
    /// Its shared request budget and write ordering.
    public let limiter: RateLimiter
    /// Its request builder.
    public let builder: RequestBuilder
    /// The origin of its base URL; requests elsewhere never carry credentials.
    public let origin: URLOrigin?

    /// Creates a runtime.
    public init(integration: Integration, auth: any AuthProvider, limiter: RateLimiter, userAgent: String) {
        self.integration = integration
        self.auth = auth
        self.limiter = limiter
        self.builder = RequestBuilder(integration: integration, userAgent: userAgent)
        self.origin = URLOrigin(integration.baseURL)
    }

    /// A redactor for everything the integration's auth knows right now.
    public func redactor() -> Redactor {
        Redactor(secrets: integration.secretValues + auth.secrets())
    }
}
