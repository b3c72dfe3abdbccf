import Catalog
import FoundationEssentials
import JSON

extension OAuth2Provider {
    /// Posts a form to the token endpoint through the shared transport and reads the token response.
    func requestToken(form fields: [(String, String)], deadline: ContinuousClock.Instant) async throws(EngineError)
        -> (token: Token, refreshToken: String?, expiresAt: Double?)
    {
        var form = fields
        var headers: HTTPHeaders = ["Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"]
        switch config.clientAuth {
        case .basic:
            let pair =
                PercentEncoding.formComponent(config.clientID) + ":"
                + PercentEncoding.formComponent(config.clientSecret)
            headers.set(name: "Authorization", value: "Basic " + Data(pair.utf8).base64EncodedString())
        case .body:
            form.append(("client_id", config.clientID))
            if !config.clientSecret.isEmpty { form.append(("client_secret", config.clientSecret)) }
        }
        let body = form.map { PercentEncoding.formComponent($0.0) + "=" + PercentEncoding.formComponent($0.1) }
            .joined(separator: "&")
        let remaining = deadline - clock.now()
        guard remaining > .zero else {
            throw EngineError(.timeout, "the call's time limit was reached while obtaining a token")
        }
        var request = HTTPRequest(
            method: "POST", url: config.tokenURL, headers: headers, body: Data(body.utf8), timeout: remaining)
        request.account = credential.account
        let response: HTTPResponse
        do {
            response = try await transport.send(request)
        } catch {
            throw RequestPipeline.engineError(for: error)
        }
        let parsed = try? JSONParser.parse(response.body)
        learn([parsed?["access_token"]?.stringValue, parsed?["refresh_token"]?.stringValue])
        let redactor = Redactor(secrets: secrets())
        guard (200..<300).contains(response.status) else {
            throw tokenFailure(status: response.status, body: parsed, redactor: redactor)
        }
        guard let parsed, let access = parsed["access_token"]?.stringValue, !access.isEmpty else {
            throw EngineError(
                .invalidResponse, "the token endpoint answered HTTP \(response.status) without an access_token",
                status: response.status)
        }
        let lifetime = parsed["expires_in"]?.doubleValue ?? parsed["expires_in"]?.stringValue.flatMap(Double.init)
        var refreshAt: ContinuousClock.Instant?
        var expiresAt: Double?
        if let lifetime, lifetime > 0 {
            let skew = min(60, lifetime / 10)
            refreshAt = clock.now() + .milliseconds(Int64((lifetime - skew) * 1000))
            expiresAt = clock.wallTime().timeIntervalSince1970 + lifetime
        }
        logger.debug("\(integration): obtained an access token" + (lifetime.map { " valid for \(Int($0)) s" } ?? ""))
        return (Token(value: access, refreshAt: refreshAt), parsed["refresh_token"]?.stringValue, expiresAt)
    }

    private func tokenFailure(status: Int, body: JSONValue?, redactor: Redactor) -> EngineError {
        let code = body?["error"]?.stringValue ?? ""
        let detail = body?["error_description"]?.stringValue.map { ": " + redactor.redact($0) } ?? ""
        let vendor = body.map { redactor.redact($0) }
        switch code {
        case "invalid_grant":
            return EngineError(
                .reauthRequired,
                "the \(integration) authorisation has expired or was revoked (invalid_grant\(detail)). "
                    + "A person must sign in again and set a new refresh token for \(integration).",
                status: status, retryable: false, vendor: vendor)
        case "invalid_client", "unauthorized_client":
            return EngineError(
                .unauthorized, "the token endpoint refused the client credentials (\(code)\(detail))", status: status,
                retryable: false, vendor: vendor)
        default:
            let type = ErrorType.forStatus(status) ?? .upstreamError
            let message = "the token endpoint answered HTTP \(status)" + (code.isEmpty ? "" : " (\(code)\(detail))")
            return EngineError(
                type == .invalidArguments ? .unauthorized : type, message, status: status, vendor: vendor)
        }
    }
}
