import Catalog
import Engine
import TestSupport
import Testing

@testable import JSON

/// `--max-output-bytes`: list results shrink with a cursor that resumes at the first item left
/// out; single objects are cut with a marker (DESIGN.md §5 *Output sizing*).
@Suite struct OutputSizingTests {
    static let budget = 3000

    @Test(
        "a list over the budget returns fewer items, truncated and a cursor; walking on yields every item once",
        arguments: VendorShape.all)
    func truncatedWalk(shape: VendorShape) async throws {
        let harness = try shape.harness(options: EngineOptions(maxOutputBytes: Self.budget))
        defer { harness.stop() }
        let outcomes = try await PaginationTests.walk(harness, shape: shape, first: 37, then: 37, maxCalls: 60)
        #expect(try outcomes.flatMap { try $0.numbers() } == Array(1...shape.itemCount))
        for outcome in outcomes {
            #expect(outcome.text.utf8.count <= Self.budget, "result of \(outcome.text.utf8.count) bytes")
            // The server splices the text as structuredContent: it must be that exact JSON.
            #expect(outcome.result.textIsStructured)
            #expect(outcome.structured?.encoded() == outcome.text)
        }
        let first = try outcomes[0].listBody()
        #expect(first["truncated"] == true)
        #expect(first["has_more"] == true)
        let kept = try outcomes[0].items().count
        #expect(kept > 0 && kept < 37)
    }

    @Test("with fields, a truncated walk still yields every item once")
    func truncationWithFields() async throws {
        let harness = try VendorShape.notion.harness(options: EngineOptions(maxOutputBytes: 600))
        defer { harness.stop() }
        let outcomes = try await PaginationTests.walk(
            harness, shape: .notion, first: 37, then: 37, extra: ["fields": ["id", "number"]], maxCalls: 60)
        #expect(try outcomes.flatMap { try $0.numbers() } == Array(1...95))
        #expect(try outcomes.flatMap { try $0.items() }.allSatisfy { $0.objectValue?.keys == ["id", "number"] })
        #expect(try outcomes.contains { try $0.listBody()["truncated"] == true })
    }

    @Test("a list that fits has no truncated member")
    func fittingList() async throws {
        let harness = try VendorShape.stripe.harness(options: EngineOptions(maxOutputBytes: Self.budget))
        defer { harness.stop() }
        let outcome = try await harness.call("list", ["limit": 5])
        let body = try outcome.listBody()
        #expect(outcome.result.textIsStructured && outcome.structured?.encoded() == outcome.text)
        #expect(body["truncated"] == nil)
        #expect(body["items"]?.arrayValue?.count == 5)
    }

    @Test("a single object over the budget is cut at the budget with a marker and no structured content")
    func singleObjectCut() async throws {
        let big = JSONValue.object(["description": .string(String(repeating: "é", count: 4000)), "id": 7]).encoded()
        var router = Router()
        router.on("GET", "/v1/things/{id}", reply: .json(big))
        let harness = try EngineHarness(
            router: router, options: EngineOptions(maxOutputBytes: 1000),
            operations:
                #""get": {"request": "GET /v1/things/{id}", "description": "Fetch one thing with every field.", "parameters": {"id": {"in": "path", "type": "integer", "description": "Id."}}}"#
        )
        defer { harness.stop() }
        let outcome = try await harness.call("get", ["id": 7])
        #expect(!outcome.isError)
        #expect(outcome.structured == nil)
        #expect(outcome.text.utf8.count <= 1000)
        #expect(outcome.text.contains("truncated"))
        #expect(outcome.text.hasPrefix(#"{"description":"éé"#))
    }

    @Test("a body's text is marked as its structured content only when it is that exact JSON")
    func textMarkedAsStructured() async throws {
        var router = Router()
        router.on("GET", "/v1/things/1", reply: .json(#"{ "id": 1, "name": "caf\u00e9 \"one\"" }"#))
        router.on("GET", "/v1/things/2", reply: .json("[1, 2]"))
        let harness = try EngineHarness(
            router: router, options: EngineOptions(maxOutputBytes: 1000),
            operations:
                #""get": {"request": "GET /v1/things/{id}", "description": "Fetch one thing with every field.", "parameters": {"id": {"in": "path", "type": "integer", "description": "Id."}}}"#
        )
        defer { harness.stop() }
        let object = try await harness.call("get", ["id": 1])
        #expect(object.result.textIsStructured)
        #expect(object.structured?.encoded() == object.text)
        let array = try await harness.call("get", ["id": 2])
        #expect(array.structured == ["data": [1, 2]])
        #expect(!array.result.textIsStructured)
    }

    @Test("a vendor's 20-digit ids and out-of-range numbers reach the model exactly as the vendor wrote them")
    func bigNumbersUnchanged() async throws {
        var router = Router()
        router.on("GET", "/v1/things/{id}", reply: .json(#"{"id": 18446744073709551617, "ratio": 1e400, "n": 7}"#))
        let harness = try EngineHarness(
            router: router, options: EngineOptions(maxOutputBytes: 1000),
            operations:
                #""get": {"request": "GET /v1/things/{id}", "description": "Fetch one thing with every field.", "parameters": {"id": {"in": "path", "type": "integer", "description": "Id."}}}"#
        )
        defer { harness.stop() }
        let outcome = try await harness.call("get", ["id": .number("18446744073709551617")])
        #expect(!outcome.isError)
        #expect(outcome.text == #"{"id":18446744073709551617,"ratio":1e400,"n":7}"#)
        #expect(harness.server.requests.first?.path == "/v1/things/18446744073709551617")
    }

    @Test("a large body is cut exactly as parsing it whole would cut it, repeated keys included")
    func largeBodyCutLikeParsed() async throws {
        let records = (0..<400).map { #"{"id": \#($0), "name": "record \u00e9 \#($0)", "score": 1e2}"# }
        let plain = #"{"records": [\#(records.joined(separator: ", "))]}"#
        let repeated = #"{"records": [\#(records.joined(separator: ", "))], "records": "last wins"}"#
        var router = Router()
        router.on("GET", "/v1/things/1", reply: .json(plain))
        router.on("GET", "/v1/things/2", reply: .json(repeated))
        router.on("GET", "/v1/things/3", reply: .json(plain + " trailing"))
        let budget = 1000
        let harness = try EngineHarness(
            router: router, options: EngineOptions(maxOutputBytes: budget),
            operations:
                #""get": {"request": "GET /v1/things/{id}", "description": "Fetch one thing with every field.", "parameters": {"id": {"in": "path", "type": "integer", "description": "Id."}}}"#
        )
        defer { harness.stop() }
        let shaper = OutputShaper(maxOutputBytes: budget)
        for (id, body) in [(1, plain), (2, repeated)] {
            let expected = shaper.single(try JSONParser.parse(body), attempts: 1, status: 200)
            let outcome = try await harness.call("get", ["id": .int(Int64(id))])
            #expect(outcome.text == expected.text, "body \(id)")
            #expect(outcome.structured == expected.structured, "body \(id)")
        }
        #expect(try await harness.call("get", ["id": 1]).structured == nil)
        #expect(try await harness.call("get", ["id": 2]).text == #"{"records":"last wins"}"#)
        let invalid = try await harness.call("get", ["id": 3])
        #expect(invalid.error?.type == .invalidResponse)
    }

    @Test("a single object within the budget is returned whole, arrays wrapped as data")
    func singleValues() async throws {
        var router = Router()
        router.on("GET", "/v1/things/{id}", reply: .json(#"{"id":7,"name":"seven"}"#))
        router.on("GET", "/v1/tags", reply: .json(#"["a","b"]"#))
        router.on("DELETE", "/v1/things/{id}", reply: .empty(204))
        let harness = try EngineHarness(
            router: router,
            operations: #"""
                "get": {"request": "GET /v1/things/{id}", "description": "Fetch one thing with every field.",
                        "parameters": {"id": {"in": "path", "type": "integer", "description": "Id."}}},
                "tags": {"kind": "get", "request": "GET /v1/tags", "description": "Fetch every tag name in use."},
                "delete": {"request": "DELETE /v1/things/{id}", "description": "Delete one thing for good.",
                           "parameters": {"id": {"in": "path", "type": "integer", "description": "Id."}}}
                """#)
        defer { harness.stop() }
        let object = try await harness.call("get", ["id": 7])
        #expect(object.text == #"{"id":7,"name":"seven"}"#)
        #expect(object.structured == ["id": 7, "name": "seven"])
        let array = try await harness.call("tags")
        #expect(array.text == #"["a","b"]"#)
        #expect(array.structured == ["data": ["a", "b"]])
        let deleted = try await harness.call("delete", ["id": 7])
        #expect(!deleted.isError)
        #expect(deleted.status == 204)
    }

    @Test("a list whose first item alone is over the budget is cut with a marker and a cursor to go on")
    func firstItemOverBudget() async throws {
        let big = String(repeating: "x", count: 3000)
        var router = Router()
        router.on("GET", "/v1/items") { _, _ in
            .json(#"{"items":[{"number":1,"blob":"\#(big)"},{"number":2,"blob":"\#(big)"},{"number":3}]}"#)
        }
        let harness = try EngineHarness(
            router: router, options: EngineOptions(maxOutputBytes: 1000),
            operations: #"""
                "list": {"request": "GET /v1/items", "description": "List items of the vendor in order.",
                         "pagination": {"style": "none", "records": "/items"}}
                """#)
        defer { harness.stop() }
        let outcome = try await harness.call("list", ["limit": 10])
        #expect(!outcome.isError)
        #expect(outcome.text.utf8.count <= 1000, "\(outcome.text.utf8.count) bytes")
        // Structured content is still there and valid against the list output schema.
        let structured = try #require(outcome.structured)
        let schema = try JSONSchema(ToolBuilder.listOutputSchema)
        #expect(schema.validate(structured).isEmpty)
        #expect(structured["items"] == [])
        #expect(structured["truncated"] == true)
        #expect(structured["has_more"] == true)
        #expect(try JSONParser.parse(outcome.text) == structured)
        #expect(structured["preview"]?.stringValue?.hasPrefix(#"{"number":1,"blob":"xxx"#) == true)
        // next_cursor moves on past the big item; the notice's cursor reads it with fields.
        let next = try #require(structured["next_cursor"]?.stringValue)
        let rest = try await harness.call("list", ["next_cursor": .string(next), "fields": ["number"]])
        #expect(try rest.numbers() == [2, 3])
        let notice = try #require(structured["notice"]?.stringValue)
        let quoted = notice.split(separator: "\"").map(String.init)
        let atItem = try #require(quoted.count >= 2 ? quoted[1] : nil)
        let again = try await harness.call("list", ["next_cursor": .string(atItem), "fields": ["number"]])
        #expect(try again.numbers() == [1, 2, 3])
        let withFields = try await harness.call("list", ["limit": 10, "fields": ["number"]])
        #expect(try withFields.numbers() == [1, 2, 3])
    }

    @Test("response.omit applies to single objects too")
    func omitOnSingleObject() async throws {
        var router = Router()
        router.on(
            "GET", "/v1/things/{id}", reply: .json(#"{"id":7,"author":{"login":"o","avatar_url":"u"},"notes":"n"}"#))
        let harness = try EngineHarness(
            router: router,
            operations: #"""
                "get": {"request": "GET /v1/things/{id}", "description": "Fetch one thing with every field.",
                        "parameters": {"id": {"in": "path", "type": "integer", "description": "Id."}},
                        "response": {"omit": ["/notes", "/author/avatar_url", "/missing/pointer"]}}
                """#)
        defer { harness.stop() }
        let outcome = try await harness.call("get", ["id": 7])
        #expect(outcome.structured == ["id": 7, "author": ["login": "o"]])
        #expect(outcome.text == #"{"id":7,"author":{"login":"o"}}"#)
    }
}
