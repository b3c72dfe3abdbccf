import Foundation
import JSON

/// Moves a recorded session from one origin to another: every occurrence of `from` in a line
/// becomes `to`, including inside Switchyard's opaque pagination cursors (which carry the
/// vendor's next-page URL and are integrity-checked, so they are decoded, rewritten and sealed
/// again in the documented wire form: base64url of `0x01 ‖ payload JSON ‖ first 8 bytes of
/// SHA-256("switchyard-cursor" ‖ 0x01 ‖ payload)`).
public struct OriginRewriter: Sendable {
    /// The origin to replace, e.g. `http://127.0.0.1:53127`.
    public var from: String
    /// Its replacement, e.g. `http://127.0.0.1:9`.
    public var to: String

    /// Creates a rewriter.
    public init(from: String, to: String) {
        self.from = from
        self.to = to
    }

    /// The text with every cursor and every plain occurrence of the origin rewritten.
    public func rewrite(_ text: String) -> String {
        rewriteCursors(in: text).replacingOccurrences(of: from, with: to)
    }

    /// Rewrites every line of a file in place.
    public func rewriteFile(_ path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SessionFixtureError("cannot read \(path)")
        }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map { rewrite(String($0)) }
        let text = lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    private static let minimumCursorLength = 24

    private func rewriteCursors(in text: String) -> String {
        var output = ""
        var run = ""
        func flush() {
            if run.count >= Self.minimumCursorLength, let rewritten = rewriteCursor(run) {
                output += rewritten
            } else {
                output += run
            }
            run = ""
        }
        for character in text {
            if Self.isBase64URL(character) {
                run.append(character)
            } else {
                flush()
                output.append(character)
            }
        }
        flush()
        return output
    }

    /// The cursor re-sealed with the origin replaced, or `nil` when `token` is not a cursor.
    private func rewriteCursor(_ token: String) -> String? {
        guard let bytes = Self.decodeBase64URL(token), bytes.count > 9, bytes[0] == 1 else { return nil }
        let body = Array(bytes[1..<(bytes.count - 8)])
        guard Array(bytes.suffix(8)) == Self.checksum(body), let payload = try? JSONParser.parse(body) else {
            return nil
        }
        let rewritten = Array(replacingOrigin(in: payload).encodedData())
        return Self.encodeBase64URL([1] + rewritten + Self.checksum(rewritten))
    }

    private func replacingOrigin(in value: JSONValue) -> JSONValue {
        switch value {
        case .string(let text): return .string(text.replacingOccurrences(of: from, with: to))
        case .array(let elements): return .array(elements.map(replacingOrigin))
        case .object(let object):
            return .object(
                JSONObject(object.members.map { JSONObject.Member(key: $0.key, value: replacingOrigin(in: $0.value)) }))
        default: return value
        }
    }

    private static func checksum(_ body: [UInt8]) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(Array("switchyard-cursor".utf8))
        hasher.update([1])
        hasher.update(body)
        return Array(hasher.finalize().prefix(8))
    }

    private static func isBase64URL(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else { return false }
        return (ascii >= 65 && ascii <= 90) || (ascii >= 97 && ascii <= 122) || (ascii >= 48 && ascii <= 57)
            || ascii == 45 || ascii == 95
    }

    private static func decodeBase64URL(_ text: String) -> [UInt8]? {
        var standard = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while standard.utf8.count % 4 != 0 { standard += "=" }
        return Data(base64Encoded: standard).map(Array.init)
    }

    private static func encodeBase64URL(_ bytes: [UInt8]) -> String {
        var text = Data(bytes).base64EncodedString()
        text = text.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        while text.hasSuffix("=") { text.removeLast() }
        return text
    }
}
