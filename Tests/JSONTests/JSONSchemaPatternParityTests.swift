import Foundation
import Testing

@testable import JSON

/// `pattern` moved from `NSRegularExpression` (ICU) to the standard library's `Regex`; for the
/// patterns integration schemas use, both accept and refuse the same strings.
@Suite struct JSONSchemaPatternParityTests {
    static let patterns = [
        "^[a-z][a-z0-9_]*$", "^(/([^~]|~[01])*)*$", "^(GET|POST|PUT|PATCH|DELETE|HEAD) /", "^[A-Za-z0-9_.-]{1,64}$",
        "^[A-Za-z_][A-Za-z0-9_.-]{0,63}$", #"^\d{3}-\d{4}$"#, #"\d+"#, #"^\w+$"#, #"^\S+@\S+\.\S+$"#, "(?i)^abc$",
        #"^[^\s]+$"#, "^.{3}$", #"^\p{Lu}"#, "a|b", "^x$",
        "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$",
        "^https?://", "^[A-Z]{3}$", "^é+😀$", #"^\s*$"#, "b", "^$", #"^x\$"#, "^x[$]", "(?m)^x$", #"^\Qx$\E"#,
        "^(x|y)$|^a", "x$", #"^[^$]+$"#, #"^[\]$]x$"#,
    ]
    static let subjects = [
        "", "abc", "ABC", "aBc", "x", "x\n", "\nx", "abc1", "1", "123", "555-1234", "a_b", "a b", "/a/b~0", "/a~2",
        "GET /x", "get /x", "user@example.com", "é", "e\u{301}", "éé😀", "e\u{301}e\u{301}😀", "日本語", "Ünïcödé",
        "https://x", "EUR", "eur", "0123abcd-0000-1111-2222-333344445555", " ", "\t\n", "ab\u{200B}", "b\u{301}",
        "x\r\n", "x\r", "x\u{0B}", "x\u{0C}", "x\u{85}", "x\u{2028}", "x\u{2029}", "x\n\n", "x\ny", "\n", "x$",
        "y\n", "$x", "]x",
    ]

    /// Where the standard library's `\w` parts ways with ICU's: a combining mark (U+0301) written
    /// as its own scalar is a word character to ICU only. (Keyed by scalars: Swift's `==` on strings
    /// would take `"e\u{301}"` for `"é"`.)
    static let knownDifferences: Set<[UInt32]> = [[0x65, 0x301], [0x62, 0x301]]

    @Test("each pattern matches exactly the subjects NSRegularExpression matches")
    func parity() throws {
        for pattern in Self.patterns {
            let schema = try JSONSchema(.object(["pattern": .string(pattern)]))
            let expression = try NSRegularExpression(pattern: pattern)
            for subject in Self.subjects {
                let range = NSRange(subject.startIndex..<subject.endIndex, in: subject)
                let icu = expression.firstMatch(in: subject, range: range) != nil
                let swift = schema.validate(.string(subject)).isEmpty
                if pattern == #"^\w+$"#, Self.knownDifferences.contains(subject.unicodeScalars.map(\.value)) {
                    #expect(swift != icu, "pattern \(pattern) on \(subject.unicodeScalars.map(\.value))")
                } else {
                    #expect(swift == icu, "pattern \(pattern) on \(subject.unicodeScalars.map(\.value))")
                }
            }
        }
    }
}
