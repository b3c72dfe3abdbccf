import Foundation
import Testing

@testable import JSON

/// `JSONParser.compactEncoding(of:keepingAtMost:)` gives exactly what parsing then encoding gives,
/// without building the value.
@Suite struct JSONCompactionTests {
    /// Documents covering every token kind, whitespace, escapes and number spellings.
    static let documents: [String] = [
        "null", " true ", "false", "0", "-0", "-12", "9223372036854775807", "9223372036854775808", "1.50", "1e2",
        "-1E-7", "1e20", "0.1", "123456789012345678901234567890", #""""#, #""plain""#,
        #""esc \" \\ \/ \b \f \n \r \t \u0001 \u00e9 \ud83d\ude00 é""#, "[]", "{}", " [ 1 , [ ] , { } ] ",
        #"{ "a" : 1 , "b" : [ true , null , "x" ] , "c" : { "d" : -0.0 } }"#,
        #"{"é":"e\u0301","e\u0301":"é"}"#,
        "[" + (0..<40).map { #"{"k\#($0)":\#($0)}"# }.joined(separator: ",") + "]",
        "{" + (0..<40).map { #""k\#($0)":\#($0)"# }.joined(separator: ",") + "}",
    ]

    private func reference(_ text: String) throws -> [UInt8] {
        var writer = JSONWriter()
        writer.write(try JSONParser.parse(text))
        return writer.bytes
    }

    @Test("gives the bytes of parse-then-encode and their count", arguments: documents)
    func matchesParseThenEncode(document: String) throws {
        let expected = try reference(document)
        let compact = JSONParser.compactEncoding(of: Array(document.utf8), keepingAtMost: .max)
        #expect(compact == CompactEncoding(prefix: expected, totalCount: expected.count))
    }

    @Test("keeps only the first bytes up to the limit but counts them all")
    func keepsAPrefix() throws {
        let document = Self.documents[20]
        let expected = try reference(document)
        for limit in [0, 1, 7, expected.count - 1, expected.count, expected.count + 5] {
            let compact = JSONParser.compactEncoding(of: Data(document.utf8), keepingAtMost: limit)
            #expect(compact?.prefix == Array(expected.prefix(limit)), "limit \(limit)")
            #expect(compact?.totalCount == expected.count)
        }
    }

    @Test(
        "gives nil for what is not JSON, so the caller parses it to learn why",
        arguments: ["", "  ", "[1,]", "{\"a\" 1}", "nul", "01", "[1] 2", "\"\u{01}\"", "{\"a\":1,}", "[[[[["])
    func invalid(document: String) {
        #expect(JSONParser.compactEncoding(of: Array(document.utf8), keepingAtMost: 100) == nil)
    }

    @Test("gives nil for invalid UTF-8 and for nesting past the parser's limit")
    func invalidBytes() {
        #expect(JSONParser.compactEncoding(of: [0x22, 0xC3, 0x28, 0x22], keepingAtMost: 100) == nil)
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect(JSONParser.compactEncoding(of: Array(deep.utf8), keepingAtMost: 100) == nil)
    }

    @Test("gives nil when an object repeats a key, small or large, since parsing keeps the last value in place")
    func repeatedKeys() {
        #expect(JSONParser.compactEncoding(of: Array(#"{"a":1,"b":2,"a":3}"#.utf8), keepingAtMost: 100) == nil)
        let many = "{" + (0..<50).map { #""k\#($0)":\#($0)"# }.joined(separator: ",") + #","k45":0}"#
        #expect(JSONParser.compactEncoding(of: Array(many.utf8), keepingAtMost: 100) == nil)
        #expect(JSONParser.compactEncoding(of: Array(#"[{"a":1},{"a":2}]"#.utf8), keepingAtMost: 100) != nil)
    }
}
