/// One request the emulated token endpoint answered: what was presented and what came of it.
public struct OAuthTokenEvent: Sendable, Equatable {
    /// The `grant_type` form field as sent (empty when missing).
    public var grant: String
    /// How the client authenticated: `"basic"`, `"body"`, or `nil` when it did not.
    public var clientAuthentication: String?
    /// The `refresh_token` form field, for the refresh-token grant.
    public var presentedRefreshToken: String?
    /// The `scope` form field, when sent.
    public var scope: String?
    /// The OAuth error code answered (`invalid_grant`, `invalid_client`, …), or `nil` when tokens were issued.
    public var error: String?
    /// The access token issued, when one was.
    public var accessToken: String?
    /// The refresh token issued alongside, when one was.
    public var refreshToken: String?

    /// Creates an event record.
    public init(
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
    public var succeeded: Bool { error == nil }
}
