import JSON

extension IntegrationDecoder {
    mutating func decodeAuth(_ reader: FieldReader?) -> AuthConfig {
        guard let reader else { return .none }
        let type = reader.string("type", required: true) ?? "none"
        func credential(_ key: String, required: Bool = true) -> String? {
            guard let raw = reader.string(key, required: required) else { return nil }
            return interpolate(raw, at: reader.at(key), credential: true)
        }
        switch type {
        case "none":
            reader.rejectUnknownKeys(["type"], what: "auth 'none'")
            return .none
        case "bearer":
            reader.rejectUnknownKeys(["type", "token"], what: "auth 'bearer'")
            return .bearer(token: credential("token") ?? "")
        case "api_key":
            reader.rejectUnknownKeys(["type", "in", "name", "value"], what: "auth 'api_key'")
            let placement = reader.string("in", required: true) ?? "header"
            let location = AuthConfig.APIKeyLocation(rawValue: placement)
            if location == nil { sink.error(at: reader.at("in"), "'in' must be header or query, not '\(placement)'") }
            let name = reader.string("name", required: true) ?? ""
            return .apiKey(location: location ?? .header, name: name, value: credential("value") ?? "")
        case "basic":
            reader.rejectUnknownKeys(["type", "username", "password"], what: "auth 'basic'")
            return .basic(
                username: credential("username") ?? "", password: credential("password", required: false) ?? "")
        case "oauth2":
            return .oauth2(decodeOAuth2(reader))
        default:
            sink.error(at: reader.at("type"), "auth type '\(type)' is not one of none, bearer, api_key, basic, oauth2")
            return .none
        }
    }

    private mutating func decodeOAuth2(_ reader: FieldReader) -> OAuth2Config {
        reader.rejectUnknownKeys(
            ["type", "grant", "token_url", "client_id", "client_secret", "scope", "refresh_token", "client_auth"],
            what: "auth 'oauth2'")
        let grantText = reader.string("grant", required: true) ?? "client_credentials"
        let grant = OAuth2Config.Grant(rawValue: grantText)
        if grant == nil {
            sink.error(at: reader.at("grant"), "grant must be client_credentials or refresh_token, not '\(grantText)'")
        }
        let tokenURL = interpolate(
            reader.string("token_url", required: true) ?? "", at: reader.at("token_url"), credential: false,
            inAuth: true)
        // A client id is redacted from recordings like a secret, so a replay never needs it.
        let clientID = interpolate(
            reader.string("client_id", required: true) ?? "", at: reader.at("client_id"), credential: true)
        let secret = interpolate(reader.string("client_secret") ?? "", at: reader.at("client_secret"), credential: true)
        let scope = reader.string("scope").map {
            interpolate($0, at: reader.at("scope"), credential: false, inAuth: true)
        }
        var refresh: String?
        if let raw = reader.string("refresh_token") {
            refresh = interpolate(raw, at: reader.at("refresh_token"), credential: true)
        } else if grant == .refreshToken {
            sink.error(at: reader.at("refresh_token"), "'refresh_token' is required for the refresh_token grant")
        }
        let authText = reader.string("client_auth") ?? "basic"
        let clientAuth = OAuth2Config.ClientAuth(rawValue: authText)
        if clientAuth == nil {
            sink.error(at: reader.at("client_auth"), "client_auth must be basic or body, not '\(authText)'")
        }
        if !tokenURL.isEmpty, missingVariables.isEmpty, !tokenURL.lowercased().hasPrefix("https://"),
            !Self.isLoopbackURL(tokenURL)
        {
            sink.error(
                at: reader.at("token_url"),
                "token_url must use https:// (plain http is allowed for loopback hosts only)")
        }
        return OAuth2Config(
            grant: grant ?? .clientCredentials, tokenURL: tokenURL, clientID: clientID, clientSecret: secret,
            scope: scope,
            refreshToken: refresh, clientAuth: clientAuth ?? .basic)
    }

    func decodeRetry(_ reader: FieldReader?, base: RetryConfig) -> RetryConfig {
        guard let reader else { return base }
        reader.rejectUnknownKeys(
            ["max_attempts", "on_status", "initial_backoff_ms", "max_backoff_ms", "max_wait_ms"], what: "'retry'")
        var config = base
        config.maxAttempts = reader.int("max_attempts", minimum: 1) ?? base.maxAttempts
        if let statuses = reader.object["on_status"] {
            let codes = statuses.arrayValue?.compactMap { $0.intValue.map(Int.init) } ?? []
            if statuses.arrayValue?.count != codes.count || codes.contains(where: { !(100...599).contains($0) }) {
                sink.error(at: reader.at("on_status"), "'on_status' must be an array of HTTP status codes")
            }
            config.onStatus = codes
        }
        config.initialBackoffMs = reader.int("initial_backoff_ms", minimum: 0) ?? base.initialBackoffMs
        config.maxBackoffMs = reader.int("max_backoff_ms", minimum: 0) ?? base.maxBackoffMs
        config.maxWaitMs = reader.int("max_wait_ms", minimum: 0) ?? base.maxWaitMs
        return config
    }

    mutating func decodeRateLimit(_ reader: FieldReader?) -> RateLimitConfig? {
        guard let reader else { return nil }
        reader.rejectUnknownKeys(
            ["requests", "per_seconds", "max_concurrent", "remaining_header", "reset_header", "reset_format"],
            what: "'rate_limit'")
        var format: RateLimitConfig.ResetFormat?
        if let text = reader.string("reset_format") {
            format = RateLimitConfig.ResetFormat(rawValue: text)
            if format == nil {
                sink.error(
                    at: reader.at("reset_format"), "reset_format must be epoch_seconds, delta_seconds or http_date")
            }
        }
        return RateLimitConfig(
            requests: deploymentNumber(reader, "requests", whole: true).map { Int($0) },
            perSeconds: deploymentNumber(reader, "per_seconds", whole: false) ?? 1,
            maxConcurrent: deploymentNumber(reader, "max_concurrent", whole: true).map { Int($0) },
            remainingHeader: reader.string("remaining_header"), resetHeader: reader.string("reset_header"),
            resetFormat: format)
    }

    /// An operation's own `rate_limit`: a bucket of `requests` per `per_seconds` for that tool
    /// alone, taken on top of the integration's budget (a vendor's per-method limit).
    mutating func decodeOperationRateLimit(_ reader: FieldReader?) -> RateLimitConfig? {
        guard let reader else { return nil }
        reader.rejectUnknownKeys(["requests", "per_seconds"], what: "an operation's 'rate_limit'")
        guard reader.has("requests") else {
            sink.error(at: reader.at("requests"), "'requests' is required in an operation's 'rate_limit'")
            return nil
        }
        guard let requests = deploymentNumber(reader, "requests", whole: true) else { return nil }
        return RateLimitConfig(
            requests: Int(requests), perSeconds: deploymentNumber(reader, "per_seconds", whole: false) ?? 1)
    }

    /// A budget figure written as a number, or as a string of `${VAR:-default}` references that
    /// reads as one once interpolated, so a deployment can set it without editing the file.
    /// `nil` when absent or invalid (reported: a whole number ≥ 1, or a positive number).
    mutating func deploymentNumber(_ reader: FieldReader, _ key: String, whole: Bool) -> Double? {
        guard let value = reader.object[key] else { return nil }
        let wanted = whole ? "a whole number of at least 1" : "a positive number"
        let number: Double?
        var shown = ""
        switch value {
        case .string(let text):
            let (interpolated, missing) = interpolation(of: text, at: reader.at(key), credential: false)
            // An unset variable without a default is reported as missing, not as a bad number.
            guard missing.isEmpty else { return nil }
            shown = " ('\(text)' reads '\(interpolated)')"
            number = Double(interpolated)
        default:
            number = value.doubleValue
        }
        guard let number, number.isFinite, number > 0, !whole || (number >= 1 && number == number.rounded()),
            number <= 1e9
        else {
            sink.error(at: reader.at(key), "'\(key)' must be \(wanted)\(shown)")
            return nil
        }
        return number
    }

    func decodeErrors(_ reader: FieldReader?, base: ErrorConfig) -> ErrorConfig {
        guard let reader else { return base }
        reader.rejectUnknownKeys(["message", "failure_when", "type_from"], what: "'errors'")
        var config = base
        if let texts = reader.strings("message") {
            config.messagePointers = texts.enumerated().compactMap { index, text in
                guard let pointer = JSONPointer(text) else {
                    sink.error(at: reader.at("message").appending(index), "'\(text)' is not a JSON Pointer")
                    return nil
                }
                return pointer
            }
        }
        if let rule = reader.reader("failure_when", what: "'failure_when'") {
            rule.rejectUnknownKeys(["pointer", "equals", "exists"], what: "'failure_when'")
            let pointer = rule.jsonPointer("pointer", required: true) ?? .root
            let exists = rule.bool("exists")
            let equals = rule.object["equals"]
            if exists == nil, equals == nil {
                sink.error(at: rule.pointer, "'failure_when' needs 'equals' or 'exists'")
            }
            config.failureWhen = ErrorConfig.FailureRule(pointer: pointer, equals: equals, exists: exists)
        }
        if let mapping = reader.reader("type_from", what: "'type_from'") {
            mapping.rejectUnknownKeys(["pointer", "map"], what: "'type_from'")
            let pointer = mapping.jsonPointer("pointer", required: true) ?? .root
            var map: [String: String] = [:]
            for pair in mapping.stringPairs("map") {
                if Self.errorTypes.contains(pair.value) {
                    map[pair.name] = pair.value
                } else {
                    sink.error(at: mapping.at("map").appending(pair.name), "'\(pair.value)' is not an error type")
                }
            }
            config.typeFrom = ErrorConfig.TypeMapping(pointer: pointer, map: map)
        }
        return config
    }

    func decodeIdempotency(_ reader: FieldReader?, base: String?) -> String? {
        guard let reader else { return base }
        reader.rejectUnknownKeys(["header"], what: "'idempotency'")
        return reader.string("header", required: true) ?? base
    }

    /// The error types an integration may map vendor codes to.
    static let errorTypes: Set<String> = [
        "invalid_arguments", "unauthorized", "reauth_required", "forbidden", "not_found", "conflict", "unprocessable",
        "rate_limited", "upstream_error", "timeout", "network", "invalid_response", "too_large",
    ]
}
