/// RFC 3986 percent-encoding for the parts of a URL the engine builds.
package enum PercentEncoding {
    /// Encodes a value as ONE path segment: everything but unreserved characters is escaped,
    /// so `/`, `?`, `#`, `%` and `..` tricks cannot change the path's shape.
    package static func pathSegment(_ value: String) -> String {
        encode(value, keeping: unreserved)
    }

    /// Encodes a query name or value (space as `%20`, `+` and `&` escaped).
    package static func queryComponent(_ value: String) -> String {
        encode(value, keeping: unreserved)
    }

    /// Encodes a value for `application/x-www-form-urlencoded` bodies (space as `+`).
    package static func formComponent(_ value: String) -> String {
        encode(value, keeping: unreserved).replacing("%20", with: "+")
    }

    /// Decodes `%XX` escapes (and nothing else); invalid escapes are kept as they are.
    package static func decode(_ value: String) -> String {
        guard value.contains("%"), let bytes = unescaped(value.utf8, strict: false) else { return value }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Decodes `%XX` escapes as Foundation's `removingPercentEncoding` does: `nil` when an escape
    /// is malformed (`%` not followed by two hex digits) or the decoded bytes are not UTF-8.
    package static func decodeStrictly(_ value: some StringProtocol) -> String? {
        unescaped(value.utf8, strict: true).flatMap { String(validating: $0, as: UTF8.self) }
    }

    /// The bytes with every `%XX` escape decoded. A malformed escape is kept as it is, or makes the
    /// result `nil` when `strict`.
    private static func unescaped(_ text: some Collection<UInt8>, strict: Bool) -> [UInt8]? {
        let utf8 = Array(text)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var index = 0
        while index < utf8.count {
            if utf8[index] == UInt8(ascii: "%"), index + 2 < utf8.count,
                let high = hexValue(utf8[index + 1]), let low = hexValue(utf8[index + 2])
            {
                bytes.append(high << 4 | low)
                index += 3
                continue
            }
            if strict, utf8[index] == UInt8(ascii: "%") { return nil }
            bytes.append(utf8[index])
            index += 1
        }
        return bytes
    }

    private static let unreserved: Set<UInt8> = Set(
        Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8))

    private static func encode(_ value: String, keeping allowed: Set<UInt8>) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var output: [UInt8] = []
        output.reserveCapacity(value.utf8.count)
        for byte in value.utf8 {
            if allowed.contains(byte) {
                output.append(byte)
            } else {
                output.append(UInt8(ascii: "%"))
                output.append(hex[Int(byte >> 4)])
                output.append(hex[Int(byte & 0x0F)])
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
