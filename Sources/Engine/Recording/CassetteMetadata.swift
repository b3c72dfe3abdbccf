import FoundationEssentials
import JSON

/// The metadata line of a cassette, `{"switchyard": {"cursor_key": HEX}}`: the key that the
/// recording run sealed its cursors and request state with, so a replay of the cassette resumes
/// the recorded cursors on any machine (DESIGN.md §6). It is not a credential: a cassette's key
/// opens only tokens minted during that recording, and a server on the installation key never
/// accepts them.
package enum CassetteMetadata {
    /// The metadata line for `cursorKey` (no trailing newline).
    package static func line(cursorKey: [UInt8]) -> String {
        JSONValue.object(["switchyard": ["cursor_key": .string(Hex.encode(cursorKey))]]).encoded()
    }

    /// Whether `line` is a metadata line (an object with a `switchyard` member and no exchange).
    package static func isMetadata(_ line: some StringProtocol) -> Bool {
        guard line.utf8.first == UInt8(ascii: "{"), line.contains("\"switchyard\""),
            let value = try? JSONParser.parse(Data(line.utf8)), case .object(let object) = value
        else { return false }
        return object["switchyard"] != nil && object["request"] == nil && object["response"] == nil
    }

    /// The cursor key a metadata line holds, or `nil`.
    package static func cursorKey(in line: some StringProtocol) -> [UInt8]? {
        guard isMetadata(line), let value = try? JSONParser.parse(Data(line.utf8)),
            let hex = value["switchyard"]?["cursor_key"]?.stringValue, let key = Hex.decode(hex), key.count >= 16
        else { return nil }
        return key
    }

    /// The key of a cassette recorded before keys were written into cassettes: derived from its
    /// content, which is safe because a replay reaches no network and holds no credential.
    package static func derivedKey(ofCassette data: Data) -> [UInt8] {
        HMACSHA256.authenticate(Array(data), key: Array("switchyard-replay-cursor-key".utf8))
    }
}
