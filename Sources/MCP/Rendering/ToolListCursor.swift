import FoundationEssentials

/// The opaque `tools/list` pagination cursor: the offset of the next tool plus a check value,
/// as base64url text.
///
/// Decoding is strict: anything this type did not produce (bad base64, another prefix, a wrong
/// check value — a truncated or edited cursor —, a non-canonical spelling) is refused, and the
/// caller answers -32602.
enum ToolListCursor {
    private static let prefix = "tools-v1:"

    /// The cursor pointing at `offset` (the index of the first tool of the next page).
    static func encode(offset: Int) -> String {
        let body = "\(prefix)\(offset)"
        let base64 = Data("\(body):\(check(body))".utf8).base64EncodedString()
        let base64URL = base64.replacing("+", with: "-").replacing("/", with: "_")
        return String(base64URL.prefix { $0 != "=" })
    }

    /// The offset a cursor points at, or `nil` when it is not a cursor this type produced.
    static func decode(_ cursor: String) -> Int? {
        guard !cursor.isEmpty, cursor.utf8.count <= 128, cursor.utf8.allSatisfy(isBase64URL) else { return nil }
        var base64 = cursor.replacing("-", with: "+").replacing("_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8),
            text.hasPrefix(prefix)
        else { return nil }
        let fields = text.dropFirst(prefix.count).split(separator: ":", omittingEmptySubsequences: false)
        guard fields.count == 2, let offset = Int(fields[0]), offset > 0, encode(offset: offset) == cursor else {
            return nil
        }
        return offset
    }

    /// A 32-bit FNV-1a digest of `text` in hex: enough to refuse a damaged cursor (not a secret).
    private static func check(_ text: String) -> String {
        var hash: UInt32 = 0x811C_9DC5
        for byte in text.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        return String(hash, radix: 16)
    }

    private static func isBase64URL(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
            return true
        default:
            return false
        }
    }
}
