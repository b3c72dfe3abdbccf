import Foundation
import JSON

extension OAuthTokenEndpoint {
    /// `POST /oauth/token`: client authentication first, then the grant.
    func tokenReply(to request: ReceivedRequest) -> ServerReply {
        let form = Self.formFields(request.bodyText)
        let grant = form["grant_type"] ?? ""
        var event = OAuthTokenEvent(grant: grant, presentedRefreshToken: form["refresh_token"], scope: form["scope"])
        let echo = configuration.echoesCredentials ? Self.echo(of: request, form: form) : ""
        switch authenticate(request, form: form) {
        case .failure(let failure):
            event.error = "invalid_client"
            log(event)
            return Self.error(
                401, "invalid_client", failure.reason + echo, headers: [("WWW-Authenticate", #"Basic realm="token""#)])
        case .success(let method):
            event.clientAuthentication = method
        }
        switch grant {
        case "client_credentials":
            let body = state.withLock { state in
                issue(family: nil, withRefreshToken: false, scope: form["scope"], in: &state, event: &event)
            }
            log(event)
            return .json(body.encoded())
        case "refresh_token":
            guard let presented = form["refresh_token"], !presented.isEmpty else {
                event.error = "invalid_request"
                log(event)
                return Self.error(400, "invalid_request", "refresh_token is missing" + echo)
            }
            beforeRefresh?(presented)
            let body = state.withLock { state -> JSONValue? in
                guard let record = state.refreshTokens[presented] else { return nil }
                switch record.status {
                case .active:
                    if configuration.rotatesRefreshTokens { state.refreshTokens[presented]?.status = .used }
                    return issue(
                        family: record.family, withRefreshToken: configuration.rotatesRefreshTokens,
                        scope: form["scope"], in: &state, event: &event)
                case .used:
                    // Reuse of a rotated token: a stolen copy or a lost race. Vendors revoke the family.
                    if configuration.revokesFamilyOnReuse { Self.revoke(family: record.family, in: &state) }
                    return nil
                case .revoked:
                    return nil
                }
            }
            guard let body else {
                event.error = "invalid_grant"
                log(event)
                return Self.error(400, "invalid_grant", "The refresh token is invalid, expired or revoked" + echo)
            }
            log(event)
            return .json(body.encoded())
        default:
            event.error = "unsupported_grant_type"
            log(event)
            return Self.error(400, "unsupported_grant_type", "grant_type '\(grant)' is not supported" + echo)
        }
    }

    /// Mints an access token (and a successor refresh token when asked) and returns the token response.
    private func issue(
        family: Int?, withRefreshToken: Bool, scope: String?, in state: inout State, event: inout OAuthTokenEvent
    ) -> JSONValue {
        let access = Self.accessToken(serial: state.nextSerial())
        var refresh: String?
        if withRefreshToken, let family {
            let token = Self.refreshToken(serial: state.nextSerial())
            state.refreshTokens[token] = RefreshRecord(family: family, status: .active)
            refresh = token
        }
        let lifetime = configuration.accessTokenLifetime
        state.accessTokens[access] = AccessRecord(
            family: family, expiresAt: lifetime.map { now() + .milliseconds(Int64($0 * 1000)) },
            revoked: false, refreshToken: refresh)
        event.accessToken = access
        event.refreshToken = refresh
        var body: JSONObject = ["access_token": .string(access), "token_type": "Bearer"]
        if let lifetime {
            body["expires_in"] = lifetime == lifetime.rounded() ? .int(Int64(lifetime)) : .double(lifetime)
        }
        if let refresh { body["refresh_token"] = .string(refresh) }
        if let scope { body["scope"] = .string(scope) }
        return .object(body)
    }

    private func log(_ event: OAuthTokenEvent) {
        state.withLock { $0.events.append(event) }
    }

    /// Checks the client's credentials the one way the vendor accepts; the method name on success.
    private func authenticate(_ request: ReceivedRequest, form: [String: String]) -> Result<String, ClientFailure> {
        let header = request.header("Authorization")
        let bodyID = form["client_id"]
        let bodySecret = form["client_secret"]
        switch configuration.clientAuthentication {
        case .basic:
            guard bodySecret == nil else {
                return .failure(ClientFailure("client_secret must not be sent in the body (use HTTP Basic)"))
            }
            guard let header, header.hasPrefix("Basic "),
                let decoded = Data(base64Encoded: String(header.dropFirst("Basic ".count))),
                let pair = String(data: decoded, encoding: .utf8), let colon = pair.firstIndex(of: ":")
            else { return .failure(ClientFailure("HTTP Basic client authentication is required")) }
            let id = Self.formDecode(String(pair[..<colon]))
            let secret = Self.formDecode(String(pair[pair.index(after: colon)...]))
            guard id == configuration.clientID, secret == configuration.clientSecret else {
                return .failure(ClientFailure("unknown client or wrong secret"))
            }
            return .success("basic")
        case .body:
            guard header == nil else {
                return .failure(ClientFailure("send client_id and client_secret in the body, not a header"))
            }
            guard bodyID == configuration.clientID, bodySecret == configuration.clientSecret else {
                return .failure(ClientFailure("unknown client or wrong secret"))
            }
            return .success("body")
        }
    }

    /// Why client authentication failed.
    struct ClientFailure: Error {
        let reason: String
        init(_ reason: String) { self.reason = reason }
    }

    private static func error(_ status: Int, _ code: String, _ description: String, headers: [(String, String)] = [])
        -> ServerReply
    {
        .json(
            status,
            JSONValue.object(["error": .string(code), "error_description": .string(description)]).encoded(),
            headers: headers)
    }

    /// What a careless vendor quotes back: every credential the request carried, raw.
    private static func echo(of request: ReceivedRequest, form: [String: String]) -> String {
        let parts = [
            ("authorization", request.header("Authorization")), ("client_secret", form["client_secret"]),
            ("refresh_token", form["refresh_token"]), ("body", request.bodyText),
        ]
        return " [received " + parts.compactMap { name, value in value.map { "\(name)=\($0)" } }.joined(separator: " ")
            + "]"
    }

    /// Decodes an `application/x-www-form-urlencoded` body (the last of repeated names wins).
    static func formFields(_ body: String) -> [String: String] {
        var fields: [String: String] = [:]
        for piece in body.split(separator: "&") {
            let parts = piece.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            fields[formDecode(String(parts[0]))] = parts.count > 1 ? formDecode(String(parts[1])) : ""
        }
        return fields
    }

    /// `+` is a space, then `%XX` escapes.
    static func formDecode(_ text: String) -> String {
        PercentDecoding.decode(text.replacingOccurrences(of: "+", with: " "))
    }
}
