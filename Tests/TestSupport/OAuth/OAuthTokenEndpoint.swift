import Foundation
import JSON
import Synchronization

/// A loopback OAuth 2.0 authorisation server and the API it protects, behaving like real vendors.
///
/// - `POST /oauth/token` implements the client-credentials and refresh-token grants (RFC 6749):
///   short-lived access tokens (`expires_in` configurable), rotating refresh tokens where each one
///   is single-use — presenting a rotated one again answers `400 {"error":"invalid_grant"}` and,
///   like vendors with reuse detection, revokes the whole token family — and client
///   authentication by HTTP Basic or by the form body, checked strictly (`401 invalid_client`).
/// - Every other path under `/api` accepts only a currently valid access token (`Bearer`) and
///   answers `401` otherwise, counting the 401s.
///
/// ```swift
/// let endpoint = OAuthTokenEndpoint(OAuthTokenEndpoint.Configuration(accessTokenLifetime: 2))
/// let server = try LoopbackServer(handler: endpoint.reply(to:))
/// let refreshToken = endpoint.issueRefreshToken()
/// ```
package final class OAuthTokenEndpoint: Sendable {
    /// How the emulated vendor behaves.
    package struct Configuration: Sendable {
        /// The registered client id.
        package var clientID: String
        /// The registered client secret.
        package var clientSecret: String
        /// The one client authentication method the vendor accepts.
        package var clientAuthentication: ClientAuthentication
        /// `expires_in` of issued access tokens, in seconds; `nil` leaves it out (tokens never expire).
        package var accessTokenLifetime: Double?
        /// Whether each refresh issues a new refresh token and retires the presented one.
        package var rotatesRefreshTokens: Bool
        /// Whether presenting a retired refresh token revokes its whole family (reuse detection).
        package var revokesFamilyOnReuse: Bool
        /// Whether error responses quote back what the client sent (secrets included), as careless vendors do.
        package var echoesCredentials: Bool
        /// How long the token endpoint takes to answer, to widen race windows.
        package var tokenDelay: Duration?

        /// Creates a configuration; the defaults are a strict vendor with rotation and reuse detection.
        package init(
            clientID: String = "switchyard-client", clientSecret: String = "cs-Secret/Value+42",
            clientAuthentication: ClientAuthentication = .basic, accessTokenLifetime: Double? = 3600,
            rotatesRefreshTokens: Bool = true, revokesFamilyOnReuse: Bool = true, echoesCredentials: Bool = false,
            tokenDelay: Duration? = nil
        ) {
            self.clientID = clientID
            self.clientSecret = clientSecret
            self.clientAuthentication = clientAuthentication
            self.accessTokenLifetime = accessTokenLifetime
            self.rotatesRefreshTokens = rotatesRefreshTokens
            self.revokesFamilyOnReuse = revokesFamilyOnReuse
            self.echoesCredentials = echoesCredentials
            self.tokenDelay = tokenDelay
        }
    }

    /// How a client proves its identity to the token endpoint (RFC 6749 §2.3.1).
    package enum ClientAuthentication: String, Sendable {
        /// `Authorization: Basic base64(form(id):form(secret))`.
        case basic
        /// `client_id` and `client_secret` in the form body.
        case body
    }

    struct RefreshRecord {
        enum Status { case active, used, revoked }
        var family: Int
        var status: Status
    }

    struct AccessRecord {
        var family: Int?
        var expiresAt: ContinuousClock.Instant?
        var revoked: Bool
        var refreshToken: String?
    }

    struct State {
        var refreshTokens: [String: RefreshRecord] = [:]
        var accessTokens: [String: AccessRecord] = [:]
        var serial = 0
        var families = 0
        var events: [OAuthTokenEvent] = []
        var authorizedAPICalls = 0
        var unauthorizedAPICalls = 0
        var rejectsEveryAccessToken = false

        mutating func nextSerial() -> Int {
            serial += 1
            return serial
        }
    }

    /// The path of the token endpoint.
    package static let tokenPath = "/oauth/token"
    /// The path prefix of the protected API.
    package static let apiPrefix = "/api"

    /// The vendor's behaviour.
    package let configuration: Configuration
    let state = Mutex(State())
    let beforeRefresh: (@Sendable (String) -> Void)?
    let onAuthorizedRequest: (@Sendable (String) -> Void)?
    let now: @Sendable () -> ContinuousClock.Instant

    /// Creates the emulation. `beforeRefresh` runs (on the server thread) with each presented refresh
    /// token before it is judged; `onAuthorizedRequest` runs with each access token the API accepts;
    /// `now` is the vendor's clock for token expiry (a test may share a manual clock with the client).
    package init(
        _ configuration: Configuration = Configuration(), beforeRefresh: (@Sendable (String) -> Void)? = nil,
        onAuthorizedRequest: (@Sendable (String) -> Void)? = nil,
        now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }
    ) {
        self.configuration = configuration
        self.beforeRefresh = beforeRefresh
        self.onAuthorizedRequest = onAuthorizedRequest
        self.now = now
    }

    /// The server handler: the token endpoint, the protected API, and 404 elsewhere.
    package func reply(to request: ReceivedRequest) -> ServerReply {
        if request.path == Self.tokenPath {
            let reply = request.method == "POST" ? tokenReply(to: request) : .json(405, #"{"error":"invalid_request"}"#)
            return configuration.tokenDelay.map { .delayed($0, reply) } ?? reply
        }
        if request.path == Self.apiPrefix || request.path.hasPrefix(Self.apiPrefix + "/") {
            return apiReply(to: request)
        }
        return .json(404, #"{"message":"no route"}"#)
    }

    // MARK: Controlling the vendor

    /// Starts a new grant family (as a person signing in would) and returns its first refresh token.
    package func issueRefreshToken() -> String {
        state.withLock { state in
            state.families += 1
            let token = Self.refreshToken(serial: state.nextSerial())
            state.refreshTokens[token] = RefreshRecord(family: state.families, status: .active)
            return token
        }
    }

    /// Rotates `refreshToken` as another client holding it would, returning its successor (or `nil`
    /// when it was not active). No access token is handed out and nothing is logged.
    package func rotate(_ refreshToken: String) -> String? {
        state.withLock { state in
            guard let record = state.refreshTokens[refreshToken], record.status == .active else { return nil }
            state.refreshTokens[refreshToken]?.status = .used
            let successor = Self.refreshToken(serial: state.nextSerial())
            state.refreshTokens[successor] = RefreshRecord(family: record.family, status: .active)
            return successor
        }
    }

    /// Revokes every access token issued so far (their refresh tokens stay usable).
    package func revokeAccessTokens() {
        state.withLock { state in
            for token in state.accessTokens.keys { state.accessTokens[token]?.revoked = true }
        }
    }

    /// Revokes the whole family of `refreshToken`: its refresh and access tokens.
    package func revokeFamily(of refreshToken: String) {
        state.withLock { state in
            guard let family = state.refreshTokens[refreshToken]?.family else { return }
            Self.revoke(family: family, in: &state)
        }
    }

    /// Makes the API refuse every access token, valid or not (an account whose access was withdrawn).
    package func setRejectsEveryAccessToken(_ rejects: Bool) {
        state.withLock { $0.rejectsEveryAccessToken = rejects }
    }

    // MARK: Observing the vendor

    /// Every token request answered, in order.
    package var events: [OAuthTokenEvent] { state.withLock { $0.events } }
    /// How many token requests were answered.
    package var tokenRequests: Int { state.withLock { $0.events.count } }
    /// The refresh-grant requests answered, in order.
    package var refreshEvents: [OAuthTokenEvent] { events.filter { $0.grant == "refresh_token" } }
    /// How many token requests were answered with `invalid_grant`.
    package var invalidGrants: Int { events.filter { $0.error == "invalid_grant" }.count }
    /// How many API requests were answered 401.
    package var unauthorizedAPICalls: Int { state.withLock { $0.unauthorizedAPICalls } }
    /// How many API requests were accepted.
    package var authorizedAPICalls: Int { state.withLock { $0.authorizedAPICalls } }

    /// Whether `refreshToken` can still be exchanged.
    package func isActive(_ refreshToken: String) -> Bool {
        state.withLock { $0.refreshTokens[refreshToken]?.status == .active }
    }

    /// The refresh token issued in the same response as `accessToken`, if any.
    package func refreshToken(issuedWith accessToken: String) -> String? {
        state.withLock { $0.accessTokens[accessToken]?.refreshToken }
    }

    /// Every access and refresh token ever issued, plus the client secret: what must never leak.
    package var allSecrets: [String] {
        state.withLock { Array($0.refreshTokens.keys) + Array($0.accessTokens.keys) } + [configuration.clientSecret]
    }

    // MARK: The protected API

    private func apiReply(to request: ReceivedRequest) -> ServerReply {
        let presented = request.header("Authorization").flatMap { header -> String? in
            guard header.lowercased().hasPrefix("bearer ") else { return nil }
            return String(header.dropFirst("bearer ".count))
        }
        let now = now()
        let accepted = state.withLock { state -> Bool in
            guard !state.rejectsEveryAccessToken, let presented, let record = state.accessTokens[presented],
                !record.revoked, record.expiresAt.map({ now < $0 }) ?? true
            else {
                state.unauthorizedAPICalls += 1
                return false
            }
            state.authorizedAPICalls += 1
            return true
        }
        guard accepted, let presented else {
            let quoted = configuration.echoesCredentials ? " (got '\(presented ?? "")')" : ""
            return .json(
                401,
                JSONValue.object([
                    "error": "invalid_token",
                    "error_description": .string("The access token is missing, expired or revoked\(quoted)"),
                ]).encoded(), headers: [("WWW-Authenticate", #"Bearer error="invalid_token""#)])
        }
        onAuthorizedRequest?(presented)
        return .json(JSONValue.object(["ok": true, "path": .string(request.path)]).encoded())
    }

    static func refreshToken(serial: Int) -> String {
        "rt.\(serial)/" + UUID().uuidString.lowercased().prefix(13) + "~"
    }

    static func accessToken(serial: Int) -> String {
        "at_\(serial)_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    }

    static func revoke(family: Int, in state: inout State) {
        for (token, record) in state.refreshTokens where record.family == family {
            state.refreshTokens[token]?.status = .revoked
        }
        for (token, record) in state.accessTokens where record.family == family {
            state.accessTokens[token]?.revoked = true
        }
    }
}
