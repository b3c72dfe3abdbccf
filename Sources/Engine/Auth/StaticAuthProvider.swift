import Catalog
import FoundationEssentials

/// Credentials that do not change while running: none, bearer, API key (header or query), basic.
package struct StaticAuthProvider: AuthProvider {
    /// The auth block, already interpolated.
    package let config: AuthConfig

    /// Creates a provider for a static auth block; `oauth2` is not static and adds nothing here.
    package init(config: AuthConfig) {
        self.config = config
    }

    /// Adds the static credential.
    package func authorize(_ request: inout HTTPRequest, deadline: ContinuousClock.Instant) async throws(EngineError) {
        switch config {
        case .none, .oauth2:
            return
        case .bearer(let token):
            request.headers.set(name: "Authorization", value: "Bearer \(token)")
        case .apiKey(.header, let name, let value):
            request.headers.set(name: name, value: value)
        case .apiKey(.query, let name, let value):
            request.url = RequestBuilder.url(request.url, query: [(name, value)])
        case .basic(let username, let password):
            let encoded = Data("\(username):\(password)".utf8).base64EncodedString()
            request.headers.set(name: "Authorization", value: "Basic \(encoded)")
        }
    }

    /// Static credentials cannot be refreshed.
    package func refreshAfterUnauthorized(deadline: ContinuousClock.Instant) async throws(EngineError) -> Bool { false }

    /// The configured secret values.
    package func secrets() -> [String] { config.secretValues }
}
