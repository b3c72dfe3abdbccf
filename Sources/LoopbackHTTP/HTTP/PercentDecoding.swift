/// Percent-decoding for request targets, as a vendor API would apply it.
package enum PercentDecoding {
    /// Decodes `%XX` escapes as UTF-8 bytes; anything else, including `+` and malformed escapes, stays literal.
    package static func decode(_ text: some StringProtocol) -> String {
        let bytes = Array(text.utf8)
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
                let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2])
            {
                decoded.append(high << 4 | low)
                index += 3
            } else {
                decoded.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: decoded, as: UTF8.self)
    }

    /// Splits a raw query string on `&` and the first `=` of each pair, decoding names and values.
    ///
    /// Empty pieces (`a=1&&b=2`) are skipped; a piece without `=` has an empty value.
    package static func queryItems(_ query: some StringProtocol) -> [(name: String, value: String)] {
        query.split(separator: "&").map { piece in
            guard let equals = piece.firstIndex(of: "=") else { return (name: decode(piece), value: "") }
            return (name: decode(piece[..<equals]), value: decode(piece[piece.index(after: equals)...]))
        }
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
