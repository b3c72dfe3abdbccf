import JSON

/// Replaces known secret values with `[REDACTED]` in text and JSON, so nothing the vendor echoes
/// back (or a message quoting a URL) can carry a credential to the model or a log.
public struct Redactor: Sendable {
    /// The replacement text.
    public static let marker = "[REDACTED]"
    /// The secrets, longest first so a secret containing another is replaced whole.
    public let secrets: [String]

    /// Creates a redactor; secrets shorter than 4 characters are ignored (they would mangle ordinary text).
    public init(secrets: [String]) {
        var unique = Set<String>()
        for secret in secrets where secret.count >= 4 && secret != Self.marker {
            unique.insert(secret)
            for encoded in [PercentEncoding.queryComponent(secret), PercentEncoding.formComponent(secret)]
            where encoded != secret {
                unique.insert(encoded)
            }
        }
        self.secrets = unique.sorted { $0.count > $1.count || ($0.count == $1.count && $0 < $1) }
    }

    /// Whether there is nothing to redact.
    public var isEmpty: Bool { secrets.isEmpty }

    /// The text with every secret replaced.
    public func redact(_ text: String) -> String {
        guard !secrets.isEmpty else { return text }
        var result = text
        for secret in secrets where result.contains(secret) {
            result = result.replacing(secret, with: Self.marker)
        }
        return result
    }

    /// The value with every secret replaced inside strings and keys.
    public func redact(_ value: JSONValue) -> JSONValue {
        guard !secrets.isEmpty else { return value }
        switch value {
        case .string(let text): return .string(redact(text))
        case .array(let elements): return .array(elements.map(redact))
        case .object(let object):
            return .object(
                JSONObject(object.members.map { JSONObject.Member(key: redact($0.key), value: redact($0.value)) }))
        default: return value
        }
    }
}
