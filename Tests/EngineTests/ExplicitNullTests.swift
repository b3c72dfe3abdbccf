import Engine
import Foundation
import JSON
import TestSupport
import Testing

/// A JSON `null` the schema allows is sent as `null` in a JSON body ("remove the milestone"),
/// `""` in a form body, and refused for the query and headers, where it has no spelling.
@Suite struct ExplicitNullTests {
    static let operations = #"""
        "update": {"request": "PATCH /issues/{number}", "description": "Update one issue of the vendor by number.",
                   "parameters": {
                       "number": {"in": "path", "type": "integer", "description": "Issue number."},
                       "milestone": {"in": "body", "type": ["integer", "null"], "description": "Milestone, null to remove."},
                       "title": {"in": "body", "type": "string", "description": "Title."},
                       "state": {"in": "query", "type": ["string", "null"], "description": "State."},
                       "trace": {"in": "header", "name": "X-Trace", "type": ["string", "null"], "description": "Trace."}}},
        "form": {"kind": "update", "request": "POST /customers/{id}", "body_encoding": "form",
                 "description": "Update one customer of the vendor by id.",
                 "parameters": {
                     "id": {"in": "path", "type": "string", "description": "Id."},
                     "description": {"in": "body", "type": ["string", "null"], "description": "Text, null to clear."}}}
        """#

    static func harness() throws -> EngineHarness {
        try EngineHarness(router: Router(fallback: { _ in .json("{}") }), operations: operations)
    }

    @Test("null for a nullable JSON body parameter is sent as null; an absent one is not sent")
    func jsonBodyNull() async throws {
        let harness = try Self.harness()
        defer { harness.stop() }
        let outcome = try await harness.call("update", ["number": 7, "milestone": .null])
        #expect(!outcome.isError, "\(outcome.text)")
        let sent = try #require(harness.server.requests.last)
        #expect(try JSONParser.parse(sent.body) == ["milestone": .null])
        _ = try await harness.call("update", ["number": 7, "title": "t"])
        #expect(try JSONParser.parse(try #require(harness.server.requests.last).body) == ["title": "t"])
    }

    @Test("null for a parameter whose schema does not allow it is invalid_arguments naming it")
    func nullNotAllowed() async throws {
        let harness = try Self.harness()
        defer { harness.stop() }
        let outcome = try await harness.call("update", ["number": 7, "title": .null])
        #expect(outcome.errorType == .invalidArguments)
        #expect(outcome.error?.message.contains("title") == true)
        #expect(harness.server.requests.isEmpty)
    }

    @Test("null for a query or header parameter is refused with a clear message and nothing is sent")
    func nullOutsideTheBody() async throws {
        let harness = try Self.harness()
        defer { harness.stop() }
        for name in ["state", "trace"] {
            let outcome = try await harness.call("update", ["number": 7, .init(name): .null])
            #expect(outcome.errorType == .invalidArguments, "\(outcome.text)")
            #expect(outcome.error?.message.contains("'\(name)' cannot be null") == true, "\(outcome.text)")
        }
        #expect(harness.server.requests.isEmpty)
    }

    @Test("null in a form body is sent as an empty value, the form way to clear a field")
    func formBodyNull() async throws {
        let harness = try Self.harness()
        defer { harness.stop() }
        let outcome = try await harness.call("form", ["id": "cus_1", "description": .null])
        #expect(!outcome.isError, "\(outcome.text)")
        let sent = try #require(harness.server.requests.last)
        #expect(String(decoding: sent.body, as: UTF8.self) == "description=")
    }
}
