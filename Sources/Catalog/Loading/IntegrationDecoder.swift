import JSON

/// Turns one parsed integration file into an ``Integration``, collecting every problem as a diagnostic.
///
/// Stages: read the top level and its defaults, interpolate `${VAR}` where the format allows
/// (`base_url`, `headers`, `query` constants, `auth`), then decode each resource's operations
/// with the defaults folded in. Unset variables do not fail the file; the caller decides.
struct IntegrationDecoder {
    let sink: DiagnosticSink
    let interpolator: EnvironmentInterpolator
    /// When true, unset variables referenced only by `auth` are replaced by a placeholder
    /// (replay needs no credentials).
    let credentialsOptional: Bool
    /// Names of variables needed but unset, in first-seen order.
    private(set) var missingVariables: [String] = []
    /// Values read from variables inside `auth` (secrets to redact).
    private(set) var credentialValues: [String] = []
    /// Every variable the file references where it interpolates, and which of them `auth` uses
    /// (for accounts: which variables an account's suffix may replace).
    private(set) var references = VariableReferences()

    static let topLevelKeys: Set<String> = [
        "name", "title", "description", "base_url", "headers", "auth", "rate_limit", "retry", "timeout_ms",
        "pagination", "errors", "idempotency", "resources", "tags", "body_encoding",
    ]

    /// The placeholder used for unset credentials under replay; the recorder writes the same text.
    static let credentialPlaceholder = "[REDACTED]"

    init(sink: DiagnosticSink, interpolator: EnvironmentInterpolator, credentialsOptional: Bool) {
        self.sink = sink
        self.interpolator = interpolator
        self.credentialsOptional = credentialsOptional
    }

    mutating func decode(_ document: JSONValue) -> Integration? {
        guard let top = FieldReader(document, at: .root, sink: sink, what: "an integration file") else { return nil }
        top.rejectUnknownKeys(Self.topLevelKeys, what: "the integration")
        let name = top.string("name", required: true) ?? ""
        if !name.isEmpty, !Self.isIntegrationName(name) {
            sink.error(at: top.at("name"), "name '\(name)' must match [a-z][a-z0-9_]*")
        }
        let rawBase = top.string("base_url", required: true) ?? ""
        let baseURL = interpolate(rawBase, at: top.at("base_url"), credential: false)
        var headers: [(name: String, value: String)] = []
        for pair in top.stringPairs("headers") {
            headers.append(
                (pair.name, interpolate(pair.value, at: top.at("headers").appending(pair.name), credential: false)))
        }
        let auth = decodeAuth(top.reader("auth", what: "'auth'"))
        let defaults = OperationDefaults(
            retry: decodeRetry(top.reader("retry", what: "'retry'"), base: .standard),
            timeoutMs: top.int("timeout_ms", minimum: 1) ?? 30000,
            pagination: decodePagination(top.reader("pagination", what: "'pagination'")),
            errors: decodeErrors(top.reader("errors", what: "'errors'"), base: ErrorConfig()),
            idempotencyHeader: decodeIdempotency(top.reader("idempotency", what: "'idempotency'"), base: nil),
            tags: top.strings("tags") ?? [],
            bodyEncoding: decodeBodyEncoding(top) ?? .json
        )
        let rateLimit = decodeRateLimit(top.reader("rate_limit", what: "'rate_limit'"))
        _ = top.string("title")
        _ = top.string("description")
        if missingVariables.isEmpty, !baseURL.isEmpty {
            checkBaseURL(baseURL, at: top.at("base_url"))
        }
        var operations: [APIOperation] = []
        if let resources = top.reader("resources", what: "'resources'") {
            for resource in resources.object {
                operations += decodeResource(
                    resource.value, key: resource.key, at: resources.at(resource.key), integration: name,
                    defaults: defaults)
            }
            if resources.object.isEmpty {
                sink.warning(at: top.at("resources"), "no resources: the integration exposes no tools")
            }
        } else {
            sink.error(at: top.at("resources"), "'resources' is required")
        }
        checkSingleCheck(operations)
        var trimmedBase = baseURL
        while trimmedBase.hasSuffix("/") { trimmedBase.removeLast() }
        return Integration(
            name: name, title: top.string("title"), description: top.string("description"), baseURL: trimmedBase,
            headers: headers, auth: auth, rateLimit: rateLimit, operations: operations, file: sink.file,
            secretValues: Array(Set(credentialValues + auth.secretValues)).filter { !$0.isEmpty }.sorted()
        )
    }

    /// Interpolates one string, recording unset variables (credentials may be optional).
    ///
    /// Under replay (`credentialsOptional`) a missing variable of a credential, or of any other
    /// `auth` field (`inAuth`, e.g. a tenant in `token_url`), becomes the redaction placeholder:
    /// the cassette answers instead of the vendor, so nothing of `auth` is needed.
    mutating func interpolate(
        _ text: String, at pointer: JSONPointer, credential: Bool, inAuth: Bool = false
    ) -> String {
        interpolation(of: text, at: pointer, credential: credential, inAuth: inAuth).value
    }

    /// Like ``interpolate(_:at:credential:inAuth:)``, also giving the unset variables that had
    /// no default (empty when a replay placeholder stood in for them).
    mutating func interpolation(
        of text: String, at pointer: JSONPointer, credential: Bool, inAuth: Bool = false
    ) -> (value: String, missing: [String]) {
        let (value, missing) = interpolator.interpolate(text)
        references.note(EnvironmentInterpolator.references(in: text), credential: credential)
        if credential {
            for name in EnvironmentInterpolator.references(in: text) {
                if let secret = interpolator.environment[name], !secret.isEmpty { credentialValues.append(secret) }
            }
        }
        guard !missing.isEmpty else { return (value, []) }
        if credential || inAuth, credentialsOptional {
            return (interpolator.interpolate(text, missingReplacement: Self.credentialPlaceholder).value, [])
        }
        for name in missing where !missingVariables.contains(name) { missingVariables.append(name) }
        return (value, missing)
    }

    private func checkBaseURL(_ url: String, at pointer: JSONPointer) {
        let lower = url.lowercased()
        if lower.hasPrefix("https://") || Self.isLoopbackURL(url) { return }
        if lower.hasPrefix("http://") {
            sink.error(
                at: pointer, "base_url '\(url)' must use https:// (plain http is allowed for loopback hosts only)")
            return
        }
        sink.error(at: pointer, "base_url '\(url)' must be an absolute https:// URL")
    }

    func decodeBodyEncoding(_ reader: FieldReader) -> BodyEncoding? {
        guard let text = reader.string("body_encoding") else { return nil }
        guard let encoding = BodyEncoding(rawValue: text) else {
            sink.error(at: reader.at("body_encoding"), "body_encoding must be json or form, not '\(text)'")
            return nil
        }
        return encoding
    }

    /// Whether the URL is plain http to a loopback host (`127.0.0.1`, `localhost`, `[::1]`), with an optional port.
    ///
    /// A URL with user information is refused: in `http://127.0.0.1:80@evil.test` the host is `evil.test`.
    static func isLoopbackURL(_ url: String) -> Bool {
        let lower = url.lowercased()
        guard lower.hasPrefix("http://") else { return false }
        let authority = lower.dropFirst("http://".count).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard !authority.contains("@") else { return false }
        let host: Substring
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return false }
            host = authority[...close]
        } else {
            host = authority.prefix { $0 != ":" }
        }
        guard ["127.0.0.1", "localhost", "[::1]"].contains(String(host)) else { return false }
        let port = authority.dropFirst(host.count)
        return port.isEmpty || (port.hasPrefix(":") && port.dropFirst().allSatisfy { $0.isASCII && $0.isNumber })
    }

    static func isIntegrationName(_ name: String) -> Bool {
        guard let first = name.utf8.first, first >= 97, first <= 122 else { return false }
        return name.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 95 }
    }
}

/// Integration-level settings every operation inherits unless it overrides them.
struct OperationDefaults {
    var retry: RetryConfig
    var timeoutMs: Int
    var pagination: PaginationConfig?
    var errors: ErrorConfig
    var idempotencyHeader: String?
    var tags: [String]
    var bodyEncoding: BodyEncoding
}
