import FoundationEssentials
import JSON

/// The opaque `next_cursor` handed to the model: versioned, bound to one tool, carrying the
/// original arguments and the position inside a vendor page, and integrity-checked on return.
///
/// Wire form: base64url (no padding) of `0x01 ‖ payload JSON ‖ first 8 bytes of
/// SHA-256("switchyard-cursor" ‖ 0x01 ‖ payload)`. Decoding is strict: a changed, missing or extra
/// character, another tool's cursor or another version is refused.
public struct PageCursor: Sendable, Equatable {
    /// The format version written in the first byte.
    public static let version: UInt8 = 1

    /// The tool the cursor belongs to.
    public var tool: String
    /// The call's original arguments (without `limit`, `next_cursor`, `fields`).
    public var arguments: JSONObject
    /// Where to resume.
    public var position: PagePosition
    /// The `fields` of the original call, reused when the next call gives none.
    public var fields: [String]?

    /// Creates a cursor.
    public init(tool: String, arguments: JSONObject, position: PagePosition, fields: [String]? = nil) {
        self.tool = tool
        self.arguments = arguments
        self.position = position
        self.fields = fields
    }

    /// The opaque token.
    public func encoded() -> String {
        var payload: JSONObject = ["t": .string(tool), "a": .object(arguments), "p": position.json]
        if let fields { payload["f"] = .array(fields.map { .string($0) }) }
        let body = Array(JSONValue.object(payload).encodedData())
        var bytes: [UInt8] = [Self.version]
        bytes += body
        bytes += Self.checksum(body)
        return Self.base64URL(bytes)
    }

    /// Decodes and checks a token for `tool`; throws `invalid_cursor` describing what is wrong.
    public static func decode(_ token: String, tool expected: String) throws(EngineError) -> PageCursor {
        let refusal = EngineError(
            .invalidCursor,
            "next_cursor is not valid: pass back exactly the next_cursor string from the previous result, or leave it out to start over"
        )
        guard let bytes = fromBase64URL(token), bytes.count > 9, bytes[0] == version else { throw refusal }
        let body = Array(bytes[1..<(bytes.count - 8)])
        guard Array(bytes.suffix(8)) == checksum(body) else { throw refusal }
        guard let payload = try? JSONParser.parse(body), let tool = payload["t"]?.stringValue,
            let arguments = payload["a"]?.objectValue, let positionJSON = payload["p"],
            let position = PagePosition(json: positionJSON)
        else { throw refusal }
        guard tool == expected else {
            throw EngineError(
                .invalidCursor,
                "next_cursor belongs to the tool \(tool), not \(expected); pass it to \(tool) or start over without it")
        }
        var fields: [String]?
        if let list = payload["f"] {
            guard let elements = list.arrayValue else { throw refusal }
            fields = elements.compactMap(\.stringValue)
        }
        return PageCursor(tool: tool, arguments: arguments, position: position, fields: fields)
    }

    private static func checksum(_ body: [UInt8]) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(Array("switchyard-cursor".utf8))
        hasher.update([version])
        hasher.update(body)
        return Array(hasher.finalize().prefix(8))
    }

    static func base64URL(_ bytes: [UInt8]) -> String {
        var text = Data(bytes).base64EncodedString()
        text = text.replacing("+", with: "-").replacing("/", with: "_")
        while text.hasSuffix("=") { text.removeLast() }
        return text
    }

    static func fromBase64URL(_ text: String) -> [UInt8]? {
        guard !text.isEmpty, text.utf8.count % 4 != 1,
            text.utf8.allSatisfy({
                ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 || $0 == 95
            })
        else { return nil }
        var standard = text.replacing("-", with: "+").replacing("_", with: "/")
        while standard.utf8.count % 4 != 0 { standard += "=" }
        guard let data = Data(base64Encoded: standard) else { return nil }
        let bytes = Array(data)
        // Refuse non-canonical spellings (stray low bits in the last character).
        guard base64URL(bytes) == text else { return nil }
        return bytes
    }
}
