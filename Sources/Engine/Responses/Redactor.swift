import JSON

/// Replaces known secret values with `[REDACTED]` in text and JSON, so nothing the vendor echoes
/// back (or a message quoting a URL) can carry a credential to the model or a log.
///
/// Redaction runs over every string of every response, so the common case — no secret anywhere —
/// is a byte scan that allocates nothing and hands the very same value back.
package struct Redactor: Sendable {
    /// The replacement text.
    package static let marker = "[REDACTED]"
    /// The secrets, longest first so a secret containing another is replaced whole.
    package let secrets: [String]
    /// The secrets' UTF-8 bytes, in the same order.
    private let patterns: [[UInt8]]
    /// The byte length of the shortest secret: shorter strings cannot contain one.
    private let shortest: Int

    /// Creates a redactor; secrets shorter than 4 characters are ignored (they would mangle ordinary text).
    package init(secrets: [String]) {
        var unique = Set<String>()
        for secret in secrets where secret.count >= 4 && secret != Self.marker {
            unique.insert(secret)
            for encoded in [PercentEncoding.queryComponent(secret), PercentEncoding.formComponent(secret)]
            where encoded != secret {
                unique.insert(encoded)
            }
        }
        self.secrets = unique.sorted { $0.count > $1.count || ($0.count == $1.count && $0 < $1) }
        patterns = self.secrets.map { Array($0.utf8) }
        shortest = patterns.map(\.count).min() ?? Int.max
    }

    /// Whether there is nothing to redact.
    package var isEmpty: Bool { secrets.isEmpty }

    /// The text with every secret replaced.
    package func redact(_ text: String) -> String {
        redacted(text) ?? text
    }

    /// The value with every secret replaced inside strings and keys.
    package func redact(_ value: JSONValue) -> JSONValue {
        redacted(value) ?? value
    }

    /// The redacted text, or `nil` when `text` holds no secret.
    private func redacted(_ text: String) -> String? {
        guard text.utf8.count >= shortest else { return nil }
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard patterns.contains(where: { Self.firstMatch(of: $0, in: bytes[...]) != nil }) else { return nil }
            var result = Array(bytes)
            for pattern in patterns {
                if let replaced = Self.replacing(pattern, in: result) { result = replaced }
            }
            return String(decoding: result, as: UTF8.self)
        }
    }

    /// The redacted value, or `nil` when nothing in `value` changed (so no copy is made).
    private func redacted(_ value: JSONValue) -> JSONValue? {
        switch value {
        case .string(let text):
            return redacted(text).map(JSONValue.string)
        case .array(let elements):
            var result: [JSONValue]?
            for index in elements.indices {
                guard let changed = redacted(elements[index]) else { continue }
                var copy = result ?? elements
                copy[index] = changed
                result = copy
            }
            return result.map(JSONValue.array)
        case .object(let object):
            var result: [JSONObject.Member]?
            let members = object.members
            for index in members.indices {
                let key = redacted(members[index].key)
                let value = redacted(members[index].value)
                guard key != nil || value != nil else { continue }
                var copy = result ?? members
                copy[index] = JSONObject.Member(key: key ?? members[index].key, value: value ?? members[index].value)
                result = copy
            }
            return result.map { .object(JSONObject($0)) }
        default:
            return nil
        }
    }

    /// `bytes` with every occurrence of `pattern` replaced by the marker, or `nil` when there is none.
    private static func replacing(_ pattern: [UInt8], in bytes: [UInt8]) -> [UInt8]? {
        var start = bytes.startIndex
        guard var match = firstMatch(of: pattern, in: bytes[...]) else { return nil }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        while true {
            result.append(contentsOf: bytes[start..<match])
            result.append(contentsOf: marker.utf8)
            start = match + pattern.count
            guard let next = firstMatch(of: pattern, in: bytes[start...]) else { break }
            match = next
        }
        result.append(contentsOf: bytes[start...])
        return result
    }

    /// The index where `pattern` first occurs in `bytes`, if it does.
    private static func firstMatch<Bytes: Collection<UInt8>>(of pattern: [UInt8], in bytes: Bytes) -> Bytes.Index?
    where Bytes.Index == Int {
        guard let first = pattern.first, bytes.count >= pattern.count else { return nil }
        let last = bytes.endIndex - pattern.count
        var index = bytes.startIndex
        while index <= last {
            if bytes[index] == first, bytes[index..<(index + pattern.count)].elementsEqual(pattern) { return index }
            index += 1
        }
        return nil
    }
}
