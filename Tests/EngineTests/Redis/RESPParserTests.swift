import Engine
import Testing

/// The RESP reader: every reply type, replies split anywhere, and hostile bytes that must end in
/// a value, "incomplete" or "malformed" — never a crash, a hang or a huge allocation.
@Suite struct RESPParserTests {
    private static let parser = RESPParser()

    private static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test("reads each reply type and says how many bytes it took")
    func everyType() throws {
        let cases: [(String, RESPValue)] = [
            ("+OK\r\n", .simple("OK")),
            ("-ERR wrong\r\n", .error("ERR wrong")),
            (":-42\r\n", .integer(-42)),
            ("$5\r\na\r\nbc\r\n", .bulk(Array("a\r\nbc".utf8))),
            ("$0\r\n\r\n", .bulk([])),
            ("$-1\r\n", .bulk(nil)),
            ("*-1\r\n", .array(nil)),
            ("*2\r\n:1\r\n*1\r\n$1\r\nx\r\n", .array([.integer(1), .array([.bulk([120])])])),
        ]
        for (text, expected) in cases {
            let input = Self.bytes(text) + Self.bytes("+NEXT\r\n")
            #expect(try Self.parser.parse(input) == .complete(expected, consumed: text.utf8.count), "\(text)")
        }
    }

    @Test("every proper prefix of a reply is incomplete, never an error")
    func prefixesAreIncomplete() throws {
        let whole = Self.bytes("*3\r\n$3\r\nabc\r\n:7\r\n*2\r\n+OK\r\n$-1\r\n")
        for length in 0..<whole.count {
            #expect(try Self.parser.parse(Array(whole[0..<length])) == .incomplete, "prefix \(length)")
        }
        guard case .complete(_, let consumed) = try Self.parser.parse(whole) else {
            Issue.record("the whole reply did not parse")
            return
        }
        #expect(consumed == whole.count)
    }

    @Test("hostile announcements are refused before anything is allocated for them")
    func hostileAnnouncements() {
        let hostile = [
            "$99999999999\r\n", "*99999999999\r\n", "$-2\r\n", "*-7\r\n", ":12x\r\n", "$abc\r\n",
            "?what\r\n", "+no line feed\rX", "+bare\nfeed\r\n", "$3\r\nabcXY",
            String(repeating: "*1\r\n", count: 64) + ":1\r\n",
            "$" + String(repeating: "9", count: 40) + "\r\n",
        ]
        for text in hostile {
            #expect(throws: RESPParser.Malformed.self, "\(text.prefix(40))") { try Self.parser.parse(Self.bytes(text)) }
        }
        #expect(throws: RESPParser.Malformed.self) {
            try Self.parser.parse([UInt8](repeating: UInt8(ascii: "+"), count: 70_000))
        }
    }

    @Test("twenty thousand random and mutated inputs all end in a value, incomplete or malformed")
    func fuzz() {
        var generator = SeededGenerator(seed: 0x5EED_F00D)
        let alphabet = Array("+-:$*\r\n0123456789-1abc".utf8)
        let seeds = [
            "*2\r\n$3\r\nfoo\r\n:12\r\n", "$5\r\nhello\r\n", "*1\r\n*1\r\n*1\r\n+x\r\n", "-NOSCRIPT x\r\n", ":0\r\n",
        ].map(Self.bytes)
        var outcomes = (values: 0, incomplete: 0, malformed: 0)
        for round in 0..<20_000 {
            var input: [UInt8]
            if round % 2 == 0 {
                input = (0..<Int.random(in: 0...48, using: &generator)).map { _ in
                    alphabet.randomElement(using: &generator) ?? 0
                }
            } else {
                input = seeds[round % seeds.count]
                for _ in 0..<Int.random(in: 1...4, using: &generator) where !input.isEmpty {
                    let position = Int.random(in: 0..<input.count, using: &generator)
                    switch Int.random(in: 0...2, using: &generator) {
                    case 0: input[position] = UInt8.random(in: 0...255, using: &generator)
                    case 1: input.remove(at: position)
                    default: input = Array(input[0..<position])
                    }
                }
            }
            do {
                switch try Self.parser.parse(input) {
                case .complete(_, let consumed):
                    #expect(consumed > 0 && consumed <= input.count)
                    outcomes.values += 1
                case .incomplete:
                    outcomes.incomplete += 1
                }
            } catch {
                outcomes.malformed += 1
            }
        }
        #expect(outcomes.values > 0 && outcomes.incomplete > 0 && outcomes.malformed > 0, "\(outcomes)")
    }
}

/// A small deterministic generator (SplitMix64), so a fuzz failure can be reproduced.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
