import JSON

/// Chooses an `auth` for the draft from the document's `securitySchemes`, with `${VAR}`
/// placeholders for every credential.
///
/// Supported: HTTP `bearer` → `bearer`; `apiKey` in a header or the query → `api_key`; HTTP
/// `basic` → `basic`; `oauth2` with a client-credentials flow → `oauth2`. Among the schemes the
/// document's `security` requirements name (else all of them), the first in that order of
/// preference wins; the others are mentioned in a note.
struct AuthMapper {
    /// The `auth` object, `nil` when no scheme could be used.
    var auth: JSONObject?
    /// The pointer of the scheme chosen (for warnings).
    var pointer: JSONPointer?
    /// What a person should know: schemes left unused or unsupported.
    var notes: [String] = []

    /// Maps the schemes of `document`; `prefix` is the variable prefix (`GITHUB` → `${GITHUB_TOKEN}`).
    init(document: JSONValue, prefix: String, resolver: RefResolver) {
        let schemes = document["components"]?["securitySchemes"]?.objectValue ?? JSONObject()
        var named: [String] = []
        var requirements = document["security"]?.arrayValue ?? []
        for path in document["paths"]?.objectValue ?? JSONObject() {
            for operation in path.value.objectValue ?? JSONObject() {
                requirements += operation.value["security"]?.arrayValue ?? []
            }
        }
        for requirement in requirements {
            for key in requirement.objectValue?.keys ?? [] where !named.contains(key) { named.append(key) }
        }
        if named.isEmpty { named = schemes.keys }
        var candidates: [(rank: Int, name: String, auth: JSONObject)] = []
        for name in named {
            let location = JSONPointer(tokens: ["components", "securitySchemes", name])
            guard let raw = schemes[name], case .value(let scheme, _, _) = resolver.resolve(raw, at: location) else {
                continue
            }
            if let mapped = Self.map(scheme, prefix: prefix) {
                candidates.append((mapped.rank, name, mapped.auth))
            } else {
                let type = scheme["type"]?.plainText ?? "?"
                notes.append("security scheme '\(name)' (\(type)) is not supported; set 'auth' by hand if it is needed")
            }
        }
        guard let best = candidates.min(by: { $0.rank < $1.rank }) else {
            if schemes.isEmpty {
                notes.append("the document declares no securitySchemes; add 'auth' by hand if the API needs it")
            }
            return
        }
        auth = best.auth
        pointer = JSONPointer(tokens: ["components", "securitySchemes", best.name])
        let others = candidates.filter { $0.name != best.name }.map(\.name)
        if !others.isEmpty {
            notes.append("'\(best.name)' was used for auth; also declared: \(others.joined(separator: ", "))")
        }
    }

    private static func map(_ scheme: JSONValue, prefix: String) -> (rank: Int, auth: JSONObject)? {
        let type = scheme["type"]?.stringValue?.lowercased()
        switch type {
        case "http":
            switch scheme["scheme"]?.stringValue?.lowercased() {
            case "bearer":
                return (0, ["type": "bearer", "token": .string("${\(prefix)_TOKEN}")])
            case "basic":
                return (
                    4,
                    [
                        "type": "basic", "username": .string("${\(prefix)_USERNAME}"),
                        "password": .string("${\(prefix)_PASSWORD}"),
                    ]
                )
            default:
                return nil
            }
        case "apikey":
            guard let name = scheme["name"]?.stringValue, OperationTranslator.isHeaderName(name),
                let placement = scheme["in"]?.stringValue, placement == "header" || placement == "query"
            else { return nil }
            if placement == "header", name.lowercased() == "authorization" {
                return (0, ["type": "bearer", "token": .string("${\(prefix)_TOKEN}")])
            }
            return (
                placement == "header" ? 1 : 2,
                [
                    "type": "api_key", "in": .string(placement), "name": .string(name),
                    "value": .string("${\(prefix)_API_KEY}"),
                ]
            )
        case "oauth2":
            guard let flow = scheme["flows"]?["clientCredentials"],
                let tokenURL = flow["tokenUrl"]?.stringValue, tokenURL.lowercased().hasPrefix("https://"),
                // `token_url` is interpolated: a `${VAR}` from the document would send that variable away.
                !tokenURL.contains("$"), !tokenURL.contains(where: \.isWhitespace)
            else { return nil }
            return (
                3,
                [
                    "type": "oauth2", "grant": "client_credentials", "token_url": .string(tokenURL),
                    "client_id": .string("${\(prefix)_CLIENT_ID}"),
                    "client_secret": .string("${\(prefix)_CLIENT_SECRET}"),
                    "client_auth": "basic",
                ]
            )
        default:
            return nil
        }
    }
}
