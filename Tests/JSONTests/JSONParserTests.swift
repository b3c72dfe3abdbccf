import Foundation
import Testing

@testable import JSON

@Suite struct JSONParserTests {
    /// The error parsing `text` throws, or `nil` when it parses.
    private func failure(_ text: String) -> JSONParseError? {
        do {
            _ = try JSONParser.parse(text)
            return nil
        } catch {
            return error
        }
    }

    /// The error parsing `bytes` throws, or `nil` when they parse.
    private func failure(bytes: [UInt8]) -> JSONParseError? {
        do {
            _ = try JSONParser.parse(bytes)
            return nil
        } catch {
            return error
        }
    }

    // MARK: - Value kinds

    @Test("parses the three literals")
    func literals() throws {
        #expect(try JSONParser.parse("null") == .null)
        #expect(try JSONParser.parse("true") == .bool(true))
        #expect(try JSONParser.parse("false") == .bool(false))
    }

    @Test("parses strings, arrays and objects, nested")
    func containers() throws {
        #expect(try JSONParser.parse(#""hello""#) == .string("hello"))
        #expect(try JSONParser.parse(#""""#) == .string(""))
        #expect(try JSONParser.parse("[]") == .array([]))
        #expect(try JSONParser.parse("{}") == .object(JSONObject()))
        let value = try JSONParser.parse(#"{"a":[1,"two",{"three":null}],"b":{"c":true}}"#)
        let expected: JSONValue = ["a": [1, "two", ["three": nil]], "b": ["c": true]]
        #expect(value == expected)
        #expect(value.objectValue?.keys == ["a", "b"])
    }

    @Test("keeps object members in the order they were written")
    func memberOrder() throws {
        let value = try JSONParser.parse(#"{"zeta":1,"alpha":2,"mu":3,"beta":4}"#)
        #expect(value.objectValue?.keys == ["zeta", "alpha", "mu", "beta"])
    }

    @Test("parses a top-level scalar of every kind")
    func topLevelScalars() throws {
        #expect(try JSONParser.parse("42") == .int(42))
        #expect(try JSONParser.parse("-4.5") == .double(-4.5))
        #expect(try JSONParser.parse(#""x""#) == .string("x"))
    }

    // MARK: - Numbers

    @Test("keeps integers and doubles apart: 1, 1.0 and 1e2")
    func integerVersusDouble() throws {
        #expect(try JSONParser.parse("1") == .int(1))
        #expect(try JSONParser.parse("1.0") == .double(1.0))
        #expect(try JSONParser.parse("1e2") == .double(100))
        #expect(try JSONParser.parse("1E2") == .double(100))
        #expect(try JSONParser.parse("1e+2") == .double(100))
        #expect(try JSONParser.parse("1e-2") == .double(0.01))
        #expect(try JSONParser.parse("0") == .int(0))
        #expect(try JSONParser.parse("-7") == .int(-7))
        #expect(try JSONParser.parse("0.5") == .double(0.5))
        #expect(try JSONParser.parse("-0.25e1") == .double(-2.5))
        #expect(try JSONParser.parse("[1,1.0]") == .array([.int(1), .double(1.0)]))
        #expect(JSONValue.int(1) != JSONValue.double(1.0))
    }

    @Test("reads -0 as the integer zero and -0.0 as a negative-zero double")
    func negativeZero() throws {
        #expect(try JSONParser.parse("-0") == .int(0))
        guard case .double(let zero) = try JSONParser.parse("-0.0") else {
            Issue.record("-0.0 is not a double")
            return
        }
        #expect(zero == 0 && zero.sign == .minus)
    }

    @Test("reads Int64.max and Int64.min exactly as integers")
    func int64Bounds() throws {
        #expect(try JSONParser.parse("9223372036854775807") == .int(.max))
        #expect(try JSONParser.parse("-9223372036854775808") == .int(.min))
        // 2^53 + 1 cannot be a Double; an integer keeps it exact.
        #expect(try JSONParser.parse("9007199254740993") == .int(9_007_199_254_740_993))
    }

    @Test("keeps integers beyond Int64 exactly as written, and writes them back unchanged")
    func beyondInt64() throws {
        for text in ["9223372036854775808", "-9223372036854775809", "123456789012345678901234567890"] {
            let value = try JSONParser.parse(text)
            #expect(value == .number(text))
            #expect(value.encoded() == text)
            #expect(value.typeName == "integer")
            #expect(value.intValue == nil)
        }
        #expect(try JSONParser.parse("18446744073709551616").doubleValue == 18_446_744_073_709_551_616.0)
        let body = #"{"id":12345678901234567890,"n":[1,99999999999999999999999]}"#
        #expect(try JSONParser.parse(body).encoded() == body)
    }

    @Test("reads extreme but finite doubles; keeps literals beyond a double's range as written")
    func extremeDoubles() throws {
        #expect(try JSONParser.parse("1.7976931348623157e308") == .double(.greatestFiniteMagnitude))
        #expect(try JSONParser.parse("5e-324") == .double(.leastNonzeroMagnitude))
        #expect(try JSONParser.parse("1e-400") == .double(0))
        for text in ["1e400", "-1E+400", "2.5e999"] {
            let value = try JSONParser.parse("[\(text)]")
            #expect(value == [.number(text)])
            #expect(value.encoded() == "[\(text)]")
            #expect(value[0]?.typeName == "number")
            #expect(value[0]?.doubleValue == nil)
        }
    }

    // MARK: - Strictness

    @Test(
        "rejects text that is not strict RFC 8259 JSON",
        arguments: [
            // trailing commas
            "[1,]", #"{"a":1,}"#, "[,]", "[1,,2]", #"{,}"#,
            // leading zeros and malformed numbers
            "01", "-01", "00", "00.5", "1.", "1.e5", ".5", "-", "+1", "1e", "1e+", "-.5", "0x10", "1_000",
            // NaN and infinities
            "NaN", "nan", "Infinity", "-Infinity", "[NaN]",
            // comments
            "[1] // comment", "/* c */ 1", "[1 /* c */]", "# c\n1",
            // single quotes and unquoted keys
            "'a'", "{'a':1}", "{a:1}",
            // bad literals
            "True", "NULL", "nul", "tru", "falsey", "undefined",
            // structural mistakes
            "[1 2]", #"{"a" 1}"#, #"{"a":}"#, #"{"a"}"#, #"{"a":1 "b":2}"#, "[}", "{]", #"{1:2}"#, "]", "}",
            // truncated input
            "[", "{", "[1", "[1,", #"{"a""#, #"{"a":"#, #"{"a":1"#, #""abc"#, #""\"#, #""\u12"#, "[[[]]",
            // trailing garbage
            "1 2", "{}x", "nullx", "[]]", "{}}", #""a""b""#, "true false",
            // empty input and whitespace only
            "", " ", "\n\t\r ",
            // invalid escapes
            #""\x""#, #""\u12G4""#, #""\U0041""#, #""\'""#, #""\a""#, #""\u 123""#,
            // unescaped control characters
            "\"a\tb\"", "\"a\nb\"", "\"\u{0}\"", "\"\u{1F}\"", "\"\u{1}\"",
            // lone and broken surrogate escapes
            #""\ud800""#, #""\udc00""#, #""\udfff""#, #""\ud800\u0041""#, #""\ud800x""#, #""\ud800\ud800""#,
            #""\ud800\n""#, #""\ud83d""#,
            // whitespace JSON does not allow
            "\u{0B}1", "\u{0C}1", "\u{A0}1", "\u{FEFF}1",
        ]
    )
    func rejects(_ text: String) {
        #expect(failure(text) != nil, "accepted \(text.debugDescription)")
    }

    @Test(
        "rejects invalid UTF-8 inside and outside strings",
        arguments: [
            [0x22, 0xC3, 0x28, 0x22],  // C3 needs a continuation byte, 28 is not one
            [0x22, 0xC0, 0xAF, 0x22],  // overlong '/'
            [0x22, 0xC1, 0xBF, 0x22],  // overlong two-byte
            [0x22, 0xE0, 0x80, 0xAF, 0x22],  // overlong three-byte
            [0x22, 0xF0, 0x80, 0x80, 0xAF, 0x22],  // overlong four-byte
            [0x22, 0xED, 0xA0, 0x80, 0x22],  // UTF-8-encoded surrogate D800
            [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22],  // above U+10FFFF
            [0x22, 0xFF, 0x22],  // never valid
            [0x22, 0x80, 0x22],  // lone continuation byte
            [0x22, 0xE2, 0x82, 0x22],  // truncated three-byte sequence
            [0x22, 0x5C, 0x6E, 0xC3, 0x28, 0x22],  // invalid after an escape (slow path)
            [0x7B, 0x22, 0xC3, 0x28, 0x22, 0x3A, 0x31, 0x7D],  // invalid in a key
            [0xC3, 0xA9],  // valid UTF-8 but not a JSON value
            [0x5B, 0xFF, 0x5D],  // garbage byte in an array
        ] as [[UInt8]]
    )
    func rejectsInvalidUTF8(_ bytes: [UInt8]) {
        #expect(failure(bytes: bytes) != nil, "accepted \(bytes)")
    }

    @Test("accepts valid multi-byte UTF-8, DEL and U+2028 unescaped")
    func acceptsValidUTF8() throws {
        #expect(try JSONParser.parse([0x22, 0xC3, 0xA9, 0x22]) == .string("é"))
        #expect(try JSONParser.parse([0x22, 0xF0, 0x9F, 0x98, 0x80, 0x22]) == .string("😀"))
        #expect(try JSONParser.parse([0x22, 0xE2, 0x80, 0xA8, 0x22]) == .string("\u{2028}"))
        #expect(try JSONParser.parse([0x22, 0x7F, 0x22]) == .string("\u{7F}"))
        #expect(try JSONParser.parse([0x22, 0xF4, 0x8F, 0xBF, 0xBF, 0x22]) == .string("\u{10FFFF}"))
    }

    // MARK: - Escapes

    @Test("decodes every two-character escape")
    func simpleEscapes() throws {
        let value = try JSONParser.parse(#""\"\\\/\b\f\n\r\t""#)
        #expect(value == .string("\"\\/\u{8}\u{C}\n\r\t"))
    }

    @Test("decodes \\u escapes in either case, including NUL")
    func unicodeEscapes() throws {
        #expect(try JSONParser.parse(#""\u0041\u00e9\u00E9\u20AC""#) == .string("Aéé€"))
        let nul = try JSONParser.parse(#""a\u0000b""#)
        #expect(nul == .string("a\u{0}b"))
        #expect(nul.stringValue?.utf8.count == 3)
        #expect(try JSONParser.parse(#""\u001f""#) == .string("\u{1F}"))
        #expect(try JSONParser.parse(#""\u2028\u2029""#) == .string("\u{2028}\u{2029}"))
    }

    @Test("joins surrogate pairs into one scalar")
    func surrogatePairs() throws {
        #expect(try JSONParser.parse(#""\ud83d\ude00""#) == .string("😀"))
        #expect(try JSONParser.parse(#""\uD834\uDD1E""#) == .string("𝄞"))
        #expect(try JSONParser.parse(#""\udbff\udfff""#) == .string("\u{10FFFF}"))
        #expect(try JSONParser.parse(#""x\ud83d\ude00y\u00e9""#) == .string("x😀yé"))
    }

    @Test("mixes raw text, escapes and raw UTF-8 in one string")
    func mixedString() throws {
        let value = try JSONParser.parse(#""café \"quoted\" \u00e9\n😀 end""#)
        #expect(value == .string("café \"quoted\" é\n😀 end"))
    }

    @Test("decodes escapes in object keys")
    func escapedKeys() throws {
        let value = try JSONParser.parse(#"{"a\"b":1,"\u00e9":2,"\ud83d\ude00":3}"#)
        #expect(value.objectValue?.keys == ["a\"b", "é", "😀"])
    }

    // MARK: - Nesting

    @Test("accepts nesting exactly maximumDepth deep")
    func nestingAtLimit() throws {
        let depth = JSONParser.maximumDepth
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        var value = try JSONParser.parse(text)
        var levels = 0
        while case .array(let elements) = value {
            levels += 1
            value = elements.first ?? .null
        }
        #expect(levels == depth)
    }

    @Test("refuses one level beyond maximumDepth")
    func nestingBeyondLimit() {
        let depth = JSONParser.maximumDepth + 1
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let error = failure(text)
        #expect(error?.offset == JSONParser.maximumDepth)
        #expect(error?.reason.contains("nesting") == true)
    }

    @Test("refuses 100 000 open brackets with an error instead of overflowing the stack")
    func hostileArrayNesting() {
        let error = failure(String(repeating: "[", count: 100_000))
        #expect(error?.offset == JSONParser.maximumDepth)
        #expect(error?.reason.contains("nesting") == true)
    }

    @Test("refuses 100 000 nested objects with an error instead of overflowing the stack")
    func hostileObjectNesting() {
        let error = failure(String(repeating: #"{"a":"#, count: 100_000))
        #expect(error?.offset == JSONParser.maximumDepth * 5)
        #expect(error?.reason.contains("nesting") == true)
    }

    @Test("counts depth across mixed arrays and objects and resets it for siblings")
    func depthAccounting() throws {
        let half = JSONParser.maximumDepth / 2
        let nested = String(repeating: #"{"k":["#, count: half) + "0" + String(repeating: "]}", count: half)
        // Many siblings at full depth: depth must come back down after each one.
        let text = "[" + Array(repeating: nested, count: 3).joined(separator: ",") + "]"
        #expect(failure(nested) == nil)
        #expect(failure(text)?.reason.contains("nesting") == true)
        let siblings = "[" + Array(repeating: "[[[]]]", count: 1000).joined(separator: ",") + "]"
        #expect(failure(siblings) == nil)
    }

    // MARK: - Duplicates and whitespace

    @Test("lets the last of duplicate keys win, at the first key's position")
    func duplicateKeys() throws {
        let value = try JSONParser.parse(#"{"a":1,"b":2,"a":3}"#)
        #expect(value["a"] == .int(3))
        #expect(value.objectValue?.keys == ["a", "b"])
        #expect(value.objectValue?.count == 2)
    }

    @Test("finds duplicate keys in objects with more than 64 members")
    func duplicateKeysInLargeObjects() throws {
        var members = (0..<100).map { #""k\#($0)":\#($0)"# }
        members.append(#""k5":"last""#)
        let value = try JSONParser.parse("{" + members.joined(separator: ",") + "}")
        #expect(value.objectValue?.count == 100)
        #expect(value["k5"] == .string("last"))
        #expect(value["k99"] == .int(99))
    }

    @Test("keeps every member of a large flat object, resolving duplicates anywhere in it")
    func largeFlatObject() throws {
        let count = 20_000
        var members = (0..<count).map { #""key\#($0)":\#($0)"# }
        members.append(#""key0":"first, replaced""#)
        members.append(#""key19999":"last, replaced""#)
        members.append(#""\u00e9":"nfc""#)
        members.append(#""e\u0301":"nfd""#)
        let object = try #require(try JSONParser.parse("{" + members.joined(separator: ",") + "}").objectValue)
        #expect(object.count == count + 2)
        #expect(object.keys.first == "key0")
        #expect(object["key0"] == "first, replaced")
        #expect(object["key19999"] == "last, replaced")
        #expect(object["key12345"] == 12345)
        #expect(object.members[count].value == "nfc")
        #expect(object.members[count + 1].value == "nfd")
    }

    @Test("treats keys that differ only in Unicode normalization as distinct")
    func keysCompareByCodeUnits() throws {
        // "é" precomposed (U+00E9) and decomposed (e + U+0301) are different JSON keys.
        let value = try JSONParser.parse(#"{"\u00e9":1,"e\u0301":2}"#)
        #expect(value.objectValue?.count == 2)
        #expect(value.objectValue?.members.map(\.value) == [.int(1), .int(2)])
    }

    @Test("allows space, tab, line feed and carriage return around every token")
    func whitespace() throws {
        let text = " \t\r\n{ \t\r\n\"a\" \t\r\n: \t\r\n[ \t\r\n1 \t\r\n, \t\r\nnull \t\r\n] \t\r\n} \t\r\n"
        #expect(try JSONParser.parse(text) == ["a": [1, nil]])
        #expect(try JSONParser.parse("[ ]") == .array([]))
        #expect(try JSONParser.parse("{ }") == .object(JSONObject()))
    }

    // MARK: - Error offsets

    @Test(
        "reports the byte offset where the problem is",
        arguments: [
            ("", 0), ("   ", 3), ("  x", 2), ("[1,]", 3), ("[1 2]", 3), ("1 2", 2), ("{}x", 2),
            ("\"a\u{1}\"", 2), (#"{"a":1,}"#, 7), (#"{"a" 1}"#, 5), ("[01]", 2), ("tru", 0), ("[truX]", 1),
            ("[1,", 3), (#"{"a":"#, 5), (#""abc"#, 4), (#"["\ud800"]"#, 8), ("é", 0),
        ] as [(String, Int)]
    )
    func errorOffsets(_ text: String, _ offset: Int) {
        #expect(failure(text)?.offset == offset, "for \(text.debugDescription)")
    }

    @Test("points at the bad escape, give or take the escape's two bytes")
    func escapeErrorOffset() {
        let offset = failure(#""ab\x""#)?.offset ?? -1
        #expect((3...5).contains(offset))
    }

    @Test("reports invalid UTF-8 at the start of the string's contents")
    func utf8ErrorOffset() {
        #expect(failure(bytes: Array(#"["ok","#.utf8) + [0x22, 0x61, 0xC3, 0x28, 0x22, 0x5D])?.offset == 7)
    }

    @Test("describes an error with its reason and byte offset")
    func errorDescription() {
        let error = failure("[1,]")
        #expect(error?.description == "\(error?.reason ?? "?") at byte 3")
        #expect(
            JSONParseError(offset: 12, reason: "unexpected character").description
                == "unexpected character at byte 12")
    }

    // MARK: - Inputs

    @Test("parses the same from String, [UInt8], Data, a Data slice and a non-contiguous collection")
    func inputKinds() throws {
        let text = #"{"list":[1,2.5,"é😀"],"ok":true}"#
        let expected = try JSONParser.parse(text)
        #expect(try JSONParser.parse(Array(text.utf8)) == expected)
        #expect(try JSONParser.parse(Data(text.utf8)) == expected)
        #expect(try JSONParser.parse(text.utf8) == expected)
        let padded = Data(("xx" + text + "yy").utf8)
        let slice = padded[padded.startIndex + 2..<padded.endIndex - 2]
        #expect(try JSONParser.parse(slice) == expected)
        #expect(try JSONParser.parse(Array(text.utf8).lazy.map { $0 }) == expected)
        #expect(try JSONValue(parsing: text) == expected)
        #expect(try JSONValue(parsing: Data(text.utf8)) == expected)
    }
}
