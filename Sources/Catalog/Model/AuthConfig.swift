/// How the engine authenticates to an integration; values are already interpolated from the environment.
package enum AuthConfig: Sendable, Hashable {
    /// No credentials.
    case none
    /// `Authorization: Bearer <token>`.
    case bearer(token: String)
    /// A key sent in a header or a query parameter.
    case apiKey(location: APIKeyLocation, name: String, value: String)
    /// HTTP Basic: `Authorization: Basic base64(username:password)`.
    case basic(username: String, password: String)
    /// OAuth 2.0 access tokens obtained and refreshed by the engine.
    case oauth2(OAuth2Config)

    /// Where an API key goes.
    package enum APIKeyLocation: String, Sendable, Hashable {
        /// A request header.
        case header
        /// A query parameter.
        case query
    }

    /// The credential values (tokens, keys, passwords, secrets) that must never leave the process
    /// except toward the integration's own origin; used for redaction. Empty strings are left out.
    package var secretValues: [String] {
        let values: [String]
        switch self {
        case .none: values = []
        case .bearer(let token): values = [token]
        case .apiKey(_, _, let value): values = [value]
        case .basic(let username, let password): values = [username, password]
        case .oauth2(let config): values = [config.clientSecret, config.refreshToken ?? ""]
        }
        return values.filter { !$0.isEmpty }
    }

    /// The `type` name used in integration files.
    package var typeName: String {
        switch self {
        case .none: return "none"
        case .bearer: return "bearer"
        case .apiKey: return "api_key"
        case .basic: return "basic"
        case .oauth2: return "oauth2"
        }
    }
}
