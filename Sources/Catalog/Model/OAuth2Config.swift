/// The settings of an `oauth2` auth block.
package struct OAuth2Config: Sendable, Hashable {
    /// Which grant obtains access tokens.
    package enum Grant: String, Sendable, Hashable {
        /// Machine-to-machine: client id and secret buy a token.
        case clientCredentials = "client_credentials"
        /// A user grant: a (possibly rotating) refresh token buys a token.
        case refreshToken = "refresh_token"
    }

    /// How the client authenticates to the token endpoint (RFC 6749 §2.3.1).
    package enum ClientAuth: String, Sendable, Hashable {
        /// HTTP Basic with the client id and secret.
        case basic
        /// `client_id` and `client_secret` in the form body.
        case body
    }

    /// The grant type.
    package var grant: Grant
    /// The token endpoint URL.
    package var tokenURL: String
    /// The client id.
    package var clientID: String
    /// The client secret.
    package var clientSecret: String
    /// The scope to request, if any.
    package var scope: String?
    /// The initial refresh token (for the refresh-token grant).
    package var refreshToken: String?
    /// How the client authenticates.
    package var clientAuth: ClientAuth

    /// Creates an OAuth 2.0 configuration.
    package init(
        grant: Grant, tokenURL: String, clientID: String, clientSecret: String, scope: String? = nil,
        refreshToken: String? = nil, clientAuth: ClientAuth = .basic
    ) {
        self.grant = grant
        self.tokenURL = tokenURL
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.scope = scope
        self.refreshToken = refreshToken
        self.clientAuth = clientAuth
    }
}
