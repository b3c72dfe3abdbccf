import Catalog
import Synchronization

/// What the engine keeps per integration while serving: its auth provider, its rate limiter and
/// its request builder. Created once per integration configuration and shared by all calls.
package struct IntegrationRuntime: Sendable {
    /// The integration (interpolated settings).
    package let integration: Integration
    /// Its credentials.
    package let auth: any AuthProvider
    /// Its shared request budget and write ordering.
    package let limiter: RateLimiter
    /// Its request builder.
    package let builder: RequestBuilder
    /// The origin of its base URL; requests elsewhere never carry credentials.
    package let origin: URLOrigin?
    /// The last redactor built, reused while the auth knows the same secrets.
    private let redactors = RedactorCache()

    /// Creates a runtime.
    package init(integration: Integration, auth: any AuthProvider, limiter: RateLimiter, userAgent: String) {
        self.integration = integration
        self.auth = auth
        self.limiter = limiter
        self.builder = RequestBuilder(integration: integration, userAgent: userAgent)
        self.origin = URLOrigin(integration.baseURL)
    }

    /// A redactor for everything the integration's auth knows right now (built again only when
    /// that changes, e.g. after a token refresh: building one percent-encodes every secret).
    package func redactor() -> Redactor {
        redactors.redactor(for: integration.secretValues + auth.secrets())
    }
}

/// The redactor of the most recent secret list.
private final class RedactorCache: Sendable {
    private let last = Mutex<(secrets: [String], redactor: Redactor)?>(nil)

    func redactor(for secrets: [String]) -> Redactor {
        if let cached = last.withLock({ $0 }), cached.secrets == secrets { return cached.redactor }
        let redactor = Redactor(secrets: secrets)
        last.withLock { $0 = (secrets, redactor) }
        return redactor
    }
}
