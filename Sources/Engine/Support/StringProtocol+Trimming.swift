/// Trimming of blanks at both ends, as Foundation's `trimmingCharacters(in:)` does with
/// `.whitespaces` and `.whitespacesAndNewlines`, without loading Foundation.
extension StringProtocol {
    /// The text without leading and trailing whitespace, as Foundation's `CharacterSet.whitespaces`
    /// has it: tab, space, U+00A0, U+1680, U+2000–U+200B, U+202F, U+205F and U+3000.
    package func trimmingWhitespace() -> String {
        trimming(where: Self.isWhitespace)
    }

    /// The text without leading and trailing whitespace or line breaks: ``trimmingWhitespace()``'s
    /// characters plus U+000A–U+000D, U+0085, U+2028 and U+2029, as Foundation's
    /// `CharacterSet.whitespacesAndNewlines` has it.
    package func trimmingWhitespaceAndNewlines() -> String {
        trimming { scalar in
            switch scalar.value {
            case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return true
            default: return Self.isWhitespace(scalar)
            }
        }
    }

    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    private func trimming(where isTrimmed: (Unicode.Scalar) -> Bool) -> String {
        let text = String(self)
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isTrimmed($0) }),
            let last = scalars.lastIndex(where: { !isTrimmed($0) })
        else { return "" }
        return String(scalars[first...last])
    }
}
