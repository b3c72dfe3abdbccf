/// One request the emulated token endpoint answered: what was presented and what came of it.
package struct OAuthTokenEvent: Sendable, Equatable {
    /// The `grant_type` form field as sent (empty when missing).
    package var grant: String
    /// How the client authenticated: `"basic"`, `"body"`, or `nil` when it did not.
    package var clientAuthentication: String?
    /// The `refresh_token` form field, for the refresh-token grant.
    package var presentedRefreshToken: String?
    /// The `scope` form field, when sent.
    package var scope: String?
    /// The OAuth error code answered (`invalid_grant`, `invalid_client`, …), or `nil` when tokens were issued.
    package var error: String?
    /// The access token issued, when one was.
    package var accessToken: String?
    /// The refresh token issued alongside, when one was.
    package var refreshToken: String?

    /// Creates an event record.
    package init(
        grant: String, clientAuthentication: String? = nil, presentedRefreshToken: String? = nil, scope: String? = nil,
        error: String? = nil, accessToken: String? = nil, refreshToken: String? = nil
    ) {
        self.grant = grant
        self.clientAuthentication = clientAuthentication
        self.presentedRefreshToken = presentedRefreshToken
        self.scope = scope
        self.error = error
        self.accessToken = accessToken
        self.refreshToken = refreshToken
    }

    /// Whether tokens were issued.
    package var succeeded: Bool { error == nil }
}
