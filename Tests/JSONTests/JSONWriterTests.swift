import Foundation
import Testing

@testable import JSON

@Suite struct JSONWriterTests {
    /// Compact text for one value written on its own.
    private func written(_ value: JSONValue, sortedKeys: Bool = false) -> String {
        var writer = JSONWriter(sortedKeys: sortedKeys)
        writer.write(value)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// Whether two values are the same down to the bits: same cases, same doubles (sign of zero
    /// included), same string code units, same member order.
    private func identical(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.double(let left), .double(let right)): return left.bitPattern == right.bitPattern
        case (.string(let left), .string(let right)): return Array(left.utf8) == Array(right.utf8)
        case (.array(let left), .array(let right)):
            return left.count == right.count && zip(left, right).allSatisfy { identical($0, $1) }
        case (.object(let left), .object(let right)):
            return left.count == right.count
                && zip(left.members, right.members).allSatisfy {
                    Array($0.key.utf8) == Array($1.key.utf8) && identical($0.value, $1.value)
                }
        default: return lhs == rhs
        }
    }

    // MARK: - Scalars

    @Test("writes literals and integers in their JSON spelling")
    func scalars() {
        #expect(written(.null) == "null")
        #expect(written(.bool(true)) == "true")
        #expect(written(.bool(false)) == "false")
        #expect(written(.int(0)) == "0")
        #expect(written(.int(-42)) == "-42")
        #expect(written(.int(.max)) == "9223372036854775807")
        #expect(written(.int(.min)) == "-9223372036854775808")
    }

    @Test("writes integral doubles with a fraction so they read back as doubles")
    func integralDoubles() {
        #expect(written(.double(1)) == "1.0")
        #expect(written(.double(-3)) == "-3.0")
        #expect(written(.double(0)) == "0.0")
        #expect(written(.double(100)) == "100.0")
        #expect(written(.double(123_456_789_012_345)) == "123456789012345.0")
    }

    @Test("writes -0.0 with its sign")
    func negativeZero() {
        #expect(written(.double(-0.0)) == "-0.0")
    }

    @Test("writes the shortest text that reads back as the same double")
    func shortestDoubles() {
        #expect(written(.double(0.1)) == "0.1")
        #expect(written(.double(-2.5)) == "-2.5")
        #expect(written(.double(0.30000000000000004)) == "0.30000000000000004")
    }

    @Test(
        "writes doubles that read back bit for bit and as doubles",
        arguments: [
            0.1, 1e-7, 1.5e300, -0.0, 0.0, 1e15, 1e16, 1e21, 9_007_199_254_740_993.0, 123_456_789.125, -1e-300,
            Double.leastNonzeroMagnitude, .greatestFiniteMagnitude, -.greatestFiniteMagnitude, .leastNormalMagnitude,
            2.5e-8, 0.5,
            1.0 / 3.0, 9.999999999999999e14, 1e100,
        ] as [Double]
    )
    func doublesRoundTrip(_ number: Double) throws {
        let text = written(.double(number))
        guard case .double(let parsed) = try JSONParser.parse(text) else {
            Issue.record("\(number) written as \(text) did not read back as a double")
            return
        }
        #expect(parsed.bitPattern == number.bitPattern, "\(number) written as \(text) read back as \(parsed)")
    }

    @Test("writes non-finite doubles as null, which JSON can say")
    func nonFinite() {
        #expect(written(.double(.infinity)) == "null")
        #expect(written(.double(-.infinity)) == "null")
        #expect(written(.double(.nan)) == "null")
        #expect(written([.double(.nan), 1]) == "[null,1]")
    }

    // MARK: - Strings

    @Test("escapes quotes, backslashes and the named control characters")
    func namedEscapes() {
        #expect(written("a\"b") == #""a\"b""#)
        #expect(written("a\\b") == #""a\\b""#)
        #expect(written("\n\r\t\u{8}\u{C}") == #""\n\r\t\b\f""#)
    }

    @Test("escapes other control characters as lowercase \\u00XX, NUL included")
    func controlEscapes() {
        #expect(written("\u{0}") == #""\u0000""#)
        #expect(written("\u{1}x\u{1F}") == #""\u0001x\u001f""#)
        #expect(written("\u{B}\u{1B}") == #""\u000b\u001b""#)
    }

    @Test("writes slash, DEL, U+2028, non-ASCII and non-BMP text unescaped")
    func unescapedText() {
        #expect(written("a/b") == #""a/b""#)
        #expect(written("\u{7F}") == "\"\u{7F}\"")
        #expect(written("\u{2028}\u{2029}") == "\"\u{2028}\u{2029}\"")
        #expect(written("café 😀 𝄞") == "\"café 😀 𝄞\"")
        #expect(written("") == #""""#)
    }

    @Test("escapes correctly between long unescaped runs")
    func escapesBetweenRuns() {
        let run = String(repeating: "é", count: 300)
        #expect(written(.string(run + "\"" + run + "\n")) == "\"" + run + "\\\"" + run + "\\n\"")
    }

    @Test("escapes at the very start and end of a string, and every kind of escape side by side")
    func escapesAtEdges() {
        #expect(written("\"x\\") == #""\"x\\""#)
        #expect(written("\u{1}\"\u{1F}\n\\\t") == #""\u0001\"\u001f\n\\\t""#)
        let json = #"{"items":[{"id":1,"name":"a\"b"}]}"#
        #expect(written(.string(json)) == #""{\"items\":[{\"id\":1,\"name\":\"a\\\"b\"}]}""#)
    }

    /// The escaping JSON requires, one scalar at a time: the reference the writer must match.
    private static func referenceEscaped(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{8}": result += "\\b"
            case "\u{C}": result += "\\f"
            case let control where control.value < 0x20:
                result += "\\u00" + (control.value < 0x10 ? "0" : "") + String(control.value, radix: 16)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    @Test("escapes a special byte wherever it falls in the eight-byte words the writer scans")
    func escapesAtEveryWordOffset() {
        let specials: [Character] = ["\"", "\\", "\n", "\u{1}", "\u{1F}", "\u{0}"]
        let plain: [Character] = [" ", "!", "#", "[", "]", "\u{7F}", "é", "😀", "\u{2028}"]
        for length in [1, 7, 8, 9, 15, 16, 17, 31] {
            for position in 0..<length {
                for special in specials + plain {
                    var characters = Array(repeating: Character("a"), count: length)
                    characters[position] = special
                    let text = String(characters)
                    #expect(written(.string(text)) == Self.referenceEscaped(text), "\(Array(text.utf8))")
                }
            }
        }
    }

    @Test("writes NFC and NFD spellings of the same text byte for byte")
    func normalizationPreserved() {
        #expect(Array(written("\u{E9}").utf8) == [0x22, 0xC3, 0xA9, 0x22])
        #expect(Array(written("e\u{301}").utf8) == [0x22, 0x65, 0xCC, 0x81, 0x22])
    }

    // MARK: - Containers

    @Test("writes containers compactly, without insignificant whitespace")
    func compactContainers() {
        #expect(written([]) == "[]")
        #expect(written([:]) == "{}")
        #expect(written([1, "two", nil, [true], ["k": 1.5]]) == #"[1,"two",null,[true],{"k":1.5}]"#)
    }

    @Test("writes object members in their order")
    func memberOrder() {
        let value: JSONValue = ["zeta": 1, "alpha": ["y": 1, "x": 2], "mu": nil]
        #expect(written(value) == #"{"zeta":1,"alpha":{"y":1,"x":2},"mu":null}"#)
    }

    @Test("escapes object keys like strings")
    func escapedKeys() {
        let value: JSONValue = ["a\"b": 1, "c\\d": 2, "\n": 3]
        #expect(written(value) == #"{"a\"b":1,"c\\d":2,"\n":3}"#)
    }

    @Test("sorts keys by UTF-8 bytes at every level when asked")
    func sortedKeys() {
        let value: JSONValue = [
            "b": ["z": 1, "a": 2], "a": [["y": 1, "x": 2]], "B": 0, "é": 0, "_": 0, "aa": 0, "": 0,
        ]
        let expected = #"{"":0,"B":0,"_":0,"a":[{"x":2,"y":1}],"aa":0,"b":{"a":2,"z":1},"é":0}"#
        #expect(written(value, sortedKeys: true) == expected)
        #expect(value.encoded(sortedKeys: true) == expected)
    }

    @Test("gives canonical output independent of member order")
    func canonicalOutput() throws {
        let first = try JSONParser.parse(#"{"id":7,"tags":["x","y"],"meta":{"b":true,"a":null}}"#)
        let second = try JSONParser.parse(#"{"meta":{"a":null,"b":true},"tags":["x","y"],"id":7}"#)
        #expect(first == second)
        #expect(first.encoded() != second.encoded())
        #expect(first.encoded(sortedKeys: true) == second.encoded(sortedKeys: true))
        #expect(first.encodedData(sortedKeys: true) == second.encodedData(sortedKeys: true))
    }

    // MARK: - Writer API

    @Test("appends successive values and raw fragments")
    func appending() {
        var writer = JSONWriter()
        writer.writeRaw(Array("[".utf8))
        writer.write(1)
        writer.writeRaw(",".utf8)
        writer.writeString("x\"")
        writer.writeRaw("]".utf8)
        #expect(String(decoding: writer.bytes, as: UTF8.self) == #"[1,"x\""]"#)
    }

    @Test("encodedData holds the same bytes as encoded")
    func encodedData() {
        let value: JSONValue = ["k": ["é", 1, 2.5, nil]]
        #expect(value.encodedData() == Data(value.encoded().utf8))
        #expect(value.encodedData(sortedKeys: true) == Data(value.encoded(sortedKeys: true).utf8))
    }

    // MARK: - Round trips

    /// Values that are easy to get wrong on the way out and back in.
    static let corpus: [JSONValue] = [
        .null, true, false, 0, -1, .int(.max), .int(.min), 9_007_199_254_740_993,
        0.1, -0.0, 0.0, 1e-7, 1.5e300, .double(.leastNonzeroMagnitude), .double(.greatestFiniteMagnitude), 1e15, 1e16,
        1.0, 100.0, -2.5,
        0.30000000000000004,
        "", "quote\"inside", "back\\slash", "\\u0041 is not an escape here", "/", "</script>",
        "\u{0}\u{1}\u{1F}\u{7F}", "line\nbreak\r\ttab\u{8}\u{C}", "\u{2028}\u{2029}", "😀𝄞\u{10FFFF}",
        "\u{E9}", "e\u{301}", "\u{FEFF}bom", "\u{FFFD}",
        [], [[]], [[[[]]]], [nil, true, 1, 1.0, "1"], [:], ["": 0], ["": ["": ""]],
        ["a\"b": 1, "c\\d": 2, "e\u{0}f": 3, "\u{2028}": 4, "😀": 5, "\u{E9}": 6, "e\u{301}": 7],
        ["z": 1, "a": 2, "m": [3, ["y": nil, "b": [1.5, -0.0]]]],
    ]

    @Test("parse(encode(x)) gives x back exactly", arguments: corpus)
    func roundTrip(_ value: JSONValue) throws {
        let back = try JSONParser.parse(value.encoded())
        #expect(back == value)
        #expect(identical(back, value), "\(value.encoded()) read back as \(back.encoded())")
        let sorted = try JSONParser.parse(value.encodedData(sortedKeys: true))
        #expect(sorted == value)
    }

    @Test("round-trips a whole corpus document")
    func corpusDocument() throws {
        let document = JSONValue.array(Self.corpus)
        let back = try JSONParser.parse(document.encoded())
        #expect(identical(back, document))
        #expect(back.encoded() == document.encoded())
    }

    @Test("round-trips a compact vendor body to the very same text")
    func vendorBodyVerbatim() throws {
        let body = #"""
            {"id":9007199254740993,"node_id":"MDU6SXNzdWUx","number":1347,"title":"Found a bug \"again\"",\#
            "user":{"login":"octocat","id":1,"site_admin":false},"labels":[{"id":208045946,"name":"bug",\#
            "color":"f29513","default":true}],"state":"open","locked":false,"assignee":null,"comments":0,\#
            "body":"I'm having a problem with this.\nLine 2\tindented é 😀 \u0001","score":-12,\#
            "reactions":{"+1":3,"-1":0,"total_count":3},"created_at":"2011-04-22T13:33:48Z"}
            """#
        let value = try JSONParser.parse(body)
        #expect(value.encoded() == body)
        #expect(value["id"] == .int(9_007_199_254_740_993))
        #expect(value.objectValue?.keys.first == "id")
        #expect(value.objectValue?.keys.last == "created_at")
    }

    @Test("compacts a pretty-printed vendor body keeping member order and exact values")
    func vendorBodyCompacted() throws {
        let body = """
            {
              "results": [
                { "zeta": "z", "alpha": 12345678901234567, "ratio": 0.1, "nested": { "b": [], "a": {} } }
              ],
              "paging": { "next": { "after": "NTI1Cg%3D%3D", "link": "https://api.example.com/x?after=1&a=b" } }
            }
            """
        let value = try JSONParser.parse(body)
        let expected =
            #"{"results":[{"zeta":"z","alpha":12345678901234567,"ratio":0.1,"nested":{"b":[],"a":{}}}],"#
            + #""paging":{"next":{"after":"NTI1Cg%3D%3D","link":"https://api.example.com/x?after=1&a=b"}}}"#
        #expect(value.encoded() == expected)
        #expect(try JSONParser.parse(expected) == value)
    }
}
