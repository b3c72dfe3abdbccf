import Foundation
import SystemIO
import Testing

@testable import Engine

/// The small text helpers that replaced Foundation APIs give what those APIs gave.
@Suite struct TextHelperParityTests {
    private static let blanks = [
        "", " ", "\t", "\n", "\r\n", " a ", "\ta b\t", " a \n", "\n a", "\u{00A0}x\u{3000}", "\u{2028}x\u{85}",
        "\u{2029}\u{000B}\u{000C}x\u{000D}", "x\u{200B}", "\u{FEFF}x", " é ", "  ", "\u{1680}x\u{202F}",
        "a\u{301} ", " 😀 ", "no-blanks",
    ]

    @Test("trimmingWhitespace() matches trimmingCharacters(in: .whitespaces)")
    func whitespace() {
        for text in Self.blanks {
            #expect(text.trimmingWhitespace() == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
            let substring = Substring("[" + text + "]").dropFirst().dropLast()
            #expect(substring.trimmingWhitespace() == substring.trimmingCharacters(in: .whitespaces))
        }
    }

    @Test("each scalar of the BMP (and a sample beyond) is trimmed exactly when Foundation trims it")
    func everyScalar() {
        for value in Array(UInt32(0)...0xFFFF) + Array(stride(from: UInt32(0x10000), through: 0x10FFFF, by: 0x3F)) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = String(scalar)
            #expect(text.trimmingWhitespace() == text.trimmingCharacters(in: .whitespaces), "U+\(value)")
            #expect(
                text.trimmingWhitespaceAndNewlines() == text.trimmingCharacters(in: .whitespacesAndNewlines),
                "U+\(value)")
        }
    }

    @Test("trimmingWhitespaceAndNewlines() matches trimmingCharacters(in: .whitespacesAndNewlines)")
    func whitespaceAndNewlines() {
        for text in Self.blanks {
            #expect(
                text.trimmingWhitespaceAndNewlines() == text.trimmingCharacters(in: .whitespacesAndNewlines),
                "\(text.debugDescription)")
        }
    }

    @Test("fixedPoint(fractionDigits:) matches String(format: \"%.3f\")")
    func fixedPoint() {
        let values: [Double] = [
            0, 1, 0.0005, 0.0015, 1.23456, 2.5, 120, 1e20, -0.25, 1e-9, 3.9999, .infinity, -.infinity,
        ]
        for value in values {
            #expect(value.fixedPoint(fractionDigits: 3) == String(format: "%.3f", value), "\(value)")
        }
        #expect(2.5.fixedPoint(fractionDigits: 0) == String(format: "%.0f", 2.5))
    }

    @Test("PercentEncoding.decodeStrictly matches removingPercentEncoding")
    func strictDecoding() {
        let texts = [
            "", "plain", "%zz", "%2", "a%", "%", "%00", "%C3%A9", "%c3%a9", "%C3", "a+b", "%2b", "%2B%2F", "%E2%82",
            "%E2%82%AC", "na%20me", "%FF", "é%41",
        ]
        for text in texts {
            #expect(PercentEncoding.decodeStrictly(text) == text.removingPercentEncoding, "\(text)")
            #expect(PercentEncoding.decodeStrictly(Substring(text)) == text.removingPercentEncoding, "\(text)")
        }
    }
}
