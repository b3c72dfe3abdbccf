import Foundation
import JSON

/// Moves a recorded session from one origin to another: every occurrence of `from` in a line
/// becomes `to`, including inside Switchyard's opaque pagination cursors (which carry the
/// vendor's next-page URL and are sealed with the recording's cursor key, so they are opened,
/// rewritten and sealed again with the key of the session's cassette).
package struct OriginRewriter: Sendable {
    /// The origin to replace, e.g. `http://127.0.0.1:53127`.
    package var from: String
    /// Its replacement, e.g. `http://127.0.0.1:9`.
    package var to: String
    /// The recording's cursor key (from its cassette); without one, cursors are left as they are.
    package var cursorKey: [UInt8]?

    /// Creates a rewriter.
    package init(from: String, to: String, cursorKey: [UInt8]? = nil) {
        self.from = from
        self.to = to
        self.cursorKey = cursorKey
    }

    /// This rewriter with the cursor key of the cassette at `path` (its metadata line
    /// `{"switchyard": {"cursor_key": HEX}}`).
    package func keyed(byCassette path: String) throws -> OriginRewriter {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SessionFixtureError("cannot read \(path)")
        }
        var copy = self
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") where line.contains("cursor_key") {
            if let hex = (try? JSONParser.parse(Data(line.utf8)))?["switchyard"]?["cursor_key"]?.stringValue {
                copy.cursorKey = Hex.decode(hex)
            }
        }
        return copy
    }

    /// The text with every cursor and every plain occurrence of the origin rewritten.
    package func rewrite(_ text: String) -> String {
        rewriteCursors(in: text).replacingOccurrences(of: from, with: to)
    }

    /// Rewrites every line of a file in place.
    package func rewriteFile(_ path: String) throws {
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
        guard let cursorKey else { return nil }
        let sealer = TokenSealer(key: cursorKey)
        guard let body = sealer.open(token, purpose: "list-cursor"), let payload = try? JSONParser.parse(body) else {
            return nil
        }
        return sealer.seal(Array(replacingOrigin(in: payload).encodedData()), purpose: "list-cursor")
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

    private static func isBase64URL(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else { return false }
        return (ascii >= 65 && ascii <= 90) || (ascii >= 97 && ascii <= 122) || (ascii >= 48 && ascii <= 57)
            || ascii == 45 || ascii == 95
    }
}
