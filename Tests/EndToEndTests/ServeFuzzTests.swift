import Foundation
import JSON
import TestSupport
import Testing

extension ServeEndToEnd {
    /// 100,000 generated stdin lines — random bytes, invalid UTF-8, truncated JSON, nesting past
    /// 512, huge numbers and strings, wrong member types, duplicate keys, lone surrogates,
    /// batches, CR/LF/NUL — through the real binary's line reader and dispatcher: every request
    /// is answered exactly once with one line of valid JSON-RPC, notifications never, and the
    /// process exits 0 at the end of input (DESIGN.md §3, §8).
    @Suite struct ServeFuzzTests {
        /// What a generated line must get back.
        enum Expectation: Sendable {
            /// No answer (a well-formed notification).
            case none
            /// Exactly one answer, carrying this id or `null` (when the line cannot be read as a request).
            case one(id: String)
            /// Exactly one answer with `id: null` (a line that is no request at all).
            case anonymous
        }

        /// The generated lines and what each must get.
        struct Corpus: Sendable {
            var data = Data()
            var expectations: [Expectation] = []

            mutating func add(_ line: [UInt8], _ expectation: Expectation, ending: [UInt8] = [0x0A]) {
                data.append(contentsOf: line)
                data.append(contentsOf: ending)
                expectations.append(expectation)
            }

            mutating func add(_ line: String, _ expectation: Expectation, ending: [UInt8] = [0x0A]) {
                add(Array(line.utf8), expectation, ending: ending)
            }
        }

        static let lineCount = 100_000

        /// Builds the corpus from `seed`: the same seed, the same lines.
        static func corpus(seed: UInt64) -> Corpus {
            var random = SeededGenerator(seed: seed)
            var corpus = Corpus()
            var serial = 0
            func nextID() -> String {
                serial += 1
                return "f\(serial)"
            }
            func request(_ id: String, _ method: String, _ params: String = "{}") -> String {
                #"{"jsonrpc":"2.0","id":"\#(id)","method":"\#(method)","params":\#(params)}"#
            }
            let tools = ["acme_items_get", "acme_items_list", "acme_items_create", "acme_reports_delete", "nope"]
            while corpus.expectations.count < lineCount {
                let id = nextID()
                switch Int.random(in: 0..<16, using: &random) {
                case 0:  // random bytes, never a newline, never a valid start
                    var bytes = random.bytes(Int.random(in: 1..<200, using: &random)).filter { $0 != 0x0A }
                    bytes.insert(0x01, at: 0)
                    corpus.add(bytes, .anonymous)
                case 1:  // invalid UTF-8 inside a string of a request
                    var line = Array(#"{"jsonrpc":"2.0","id":"\#(id)","method":"tools/call","params":{"name":""#.utf8)
                    line += [0xC3, 0x28, 0xFF, 0xFE, 0xED, 0xA0, 0x80]
                    line += Array(#"","arguments":{}}}"#.utf8)
                    corpus.add(line, .one(id: id))
                case 2:  // truncated JSON
                    let full = request(id, "tools/list")
                    let cut = Int.random(in: 1..<full.utf8.count, using: &random)
                    corpus.add(Array(full.utf8.prefix(cut)), .anonymous)
                case 3:  // nesting past 512
                    let depth = Int.random(in: 513...2000, using: &random)
                    let deep = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
                    corpus.add(
                        request(id, "tools/call", #"{"name":"acme_items_get","arguments":{"x":\#(deep)}}"#),
                        .one(id: id))
                case 4:  // huge numbers
                    let digits = String(repeating: "9", count: Int.random(in: 20...400, using: &random))
                    corpus.add(
                        request(id, "tools/call", #"{"name":"acme_items_list","arguments":{"limit":\#(digits)e99}}"#),
                        .one(id: id))
                case 5:  // a huge string (rarely: they are big)
                    let size = serial % 50 == 0 ? 1 << 20 : 4096
                    let huge = String(repeating: "h", count: size)
                    corpus.add(
                        request(id, "tools/call", #"{"name":"acme_items_create","arguments":{"title":"\#(huge)"}}"#),
                        .one(id: id))
                case 6:  // wrong member types
                    let variants = [
                        #"{"jsonrpc":"2.0","id":"\#(id)","method":42}"#,
                        #"{"jsonrpc":2,"id":"\#(id)","method":"ping"}"#,
                        #"{"jsonrpc":"2.0","id":"\#(id)","method":"tools/call","params":[1,2]}"#,
                        #"{"jsonrpc":"2.0","id":"\#(id)","method":"tools/call","params":{"name":7}}"#,
                        #"{"jsonrpc":"2.0","id":"\#(id)","method":"tools/call","params":{"name":"acme_items_get","arguments":"x"}}"#,
                        #"{"jsonrpc":"2.0","id":"\#(id)","method":"tools/list","params":{"cursor":{}}}"#,
                    ]
                    corpus.add(variants[Int.random(in: 0..<variants.count, using: &random)], .one(id: id))
                case 7:  // duplicate keys
                    corpus.add(
                        #"{"jsonrpc":"2.0","id":"\#(id)","method":"ping","method":"tools/list","params":{},"params":[]}"#,
                        .one(id: id))
                case 8:  // lone surrogates
                    corpus.add(
                        request(
                            id, "tools/call", #"{"name":"acme_items_get","arguments":{"item_id":"\ud800x\udc00"}}"#),
                        .one(id: id))
                case 9:  // batches (refused or served: one line back either way)
                    let inner = [request(nextID(), "ping"), request(nextID(), "tools/list")].joined(separator: ",")
                    corpus.add("[\(inner)]", .anonymous)
                case 10:  // CR/LF line endings, stray CR and NUL inside
                    let variants: [([UInt8], [UInt8])] = [
                        (Array(request(id, "ping").utf8), [0x0D, 0x0A]),
                        (Array(request(id, "ping").utf8) + [0x0D, 0x0D], [0x0A]),
                        (
                            Array(#"{"jsonrpc":"2.0","id":"\#(id)","method":"pi"#.utf8) + [0x00] + Array(#"ng"}"#.utf8),
                            [0x0A]
                        ),
                    ]
                    let (line, ending) = variants[Int.random(in: 0..<variants.count, using: &random)]
                    corpus.add(line, .one(id: id), ending: ending)
                case 11:  // well-formed notifications
                    let variants = [
                        #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#,
                        #"{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":"nobody"}}"#,
                        #"{"jsonrpc":"2.0","method":"notifications/unknown","params":{"x":[1,{"y":null}]}}"#,
                    ]
                    corpus.add(variants[Int.random(in: 0..<variants.count, using: &random)], .none)
                case 12:  // calls with hostile argument values (answered without any request that could hurt)
                    let values = [
                        #""../../etc""#, #""a\r\nX-Evil: 1""#, #""\u0000""#, "null", "[]", "{}", "-1", "1e309",
                    ]
                    let tool = tools[Int.random(in: 0..<tools.count, using: &random)]
                    let value = values[Int.random(in: 0..<values.count, using: &random)]
                    corpus.add(
                        request(
                            id, "tools/call",
                            #"{"name":"\#(tool)","arguments":{"item_id":\#(value),"title":\#(value)}}"#),
                        .one(id: id))
                case 13:  // ordinary requests
                    let methods = ["ping", "tools/list", "resources/list", "nope/nope", "initialize"]
                    corpus.add(request(id, methods[Int.random(in: 0..<methods.count, using: &random)]), .one(id: id))
                case 14:  // not an object at all
                    let variants = ["1", "\"text\"", "null", "true", "[]", "{}", "  {}  "]
                    corpus.add(variants[Int.random(in: 0..<variants.count, using: &random)], .anonymous)
                default:  // random printable mutations of a valid request, its id member left intact
                    let head = Array(#"{"jsonrpc":"2.0","#.utf8)
                    let idMember = Array(#""id":"\#(id)","#.utf8)
                    var tail = Array(#""method":"tools/list","params":{}}"#.utf8)
                    var mutable = head + tail
                    for _ in 0..<Int.random(in: 1...4, using: &random) {
                        let index = Int.random(in: 0..<mutable.count, using: &random)
                        mutable[index] = UInt8.random(in: 0x20...0x7E, using: &random)
                    }
                    tail = Array(mutable[head.count...])
                    corpus.add(Array(mutable[..<head.count]) + idMember + tail, .one(id: id))
                }
            }
            return corpus
        }

        /// What the answers came to: their count, how many carried each id, how many had id null,
        /// and the problems found.
        struct Tally: Sendable {
            var lines = 0
            var seen: [String: Int] = [:]
            var anonymous = 0
            var problems: [String] = []
        }

        /// Reads every answer line (off the cooperative pool: 100,000 parses would hold a pool thread).
        static func tally(_ lines: [String]) -> Tally {
            var tally = Tally(lines: lines.count)
            for line in lines {
                guard let value = try? JSONParser.parse(line) else {
                    tally.problems.append("not JSON: \(line.prefix(200))")
                    continue
                }
                let messages = value.arrayValue ?? [value]
                if value.arrayValue != nil { tally.anonymous += 1 }
                for message in messages {
                    let valid = message["jsonrpc"] == "2.0" && (message["result"] != nil) != (message["error"] != nil)
                    if !valid { tally.problems.append("not a JSON-RPC response: \(line.prefix(200))") }
                    if value.arrayValue != nil { continue }
                    if let id = message["id"]?.stringValue {
                        tally.seen[id, default: 0] += 1
                    } else if message["id"] == .null {
                        tally.anonymous += 1
                    } else {
                        tally.problems.append("an id that is neither a request's nor null: \(line.prefix(200))")
                    }
                }
            }
            return tally
        }

        @Test("every fuzzed request is answered exactly once with one valid JSON-RPC line, and the process survives")
        func fuzzedInput() async throws {
            let seed: UInt64 = 0x5EED_2026_1206
            // Generating and checking 100,000 lines is CPU work: done off the pool, so the suites
            // running beside this one keep their two pool threads.
            let corpus = await OffPool.run { Self.corpus(seed: seed) }
            #expect(corpus.expectations.count >= Self.lineCount)
            let session = try ServeSession(["--log-level", "error"])
            let started = ContinuousClock.now
            await session.sendRaw(corpus.data)
            let status = await OffPool.run { [process = session.process] in
                process.closeInput()
                return process.waitForExit(timeout: .seconds(240))
            }
            let elapsed = ContinuousClock.now - started
            #expect(status == 0, "seed \(seed): the process did not end cleanly")
            let tally = await OffPool.run { [process = session.process] in Self.tally(process.allLines) }
            #expect(tally.problems.isEmpty, "seed \(seed): \(tally.problems.prefix(5))")
            var expectedAnswers = 0
            var anonymousExpected = 0
            var unanswered: [String] = []
            for expectation in corpus.expectations {
                switch expectation {
                case .none: break
                case .anonymous:
                    expectedAnswers += 1
                    anonymousExpected += 1
                case .one(let id):
                    expectedAnswers += 1
                    if tally.seen[id] == nil { unanswered.append(id) }
                }
            }
            #expect(tally.seen.values.allSatisfy { $0 == 1 }, "seed \(seed): an id was answered twice")
            // Every line that wanted an answer got exactly one: by its id, or with id null when it
            // could not be read as a request.
            #expect(tally.lines == expectedAnswers, "seed \(seed): \(tally.lines) answers for \(expectedAnswers)")
            #expect(tally.anonymous == anonymousExpected + unanswered.count, "seed \(seed): \(unanswered.prefix(5))")
            print("fuzz: \(corpus.expectations.count) lines, \(tally.lines) answers in \(elapsed)")
        }
    }
}
