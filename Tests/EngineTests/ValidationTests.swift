import Engine
import JSON
import TestSupport
import Testing

/// Arguments are checked against the generated input schema before any request is built
/// (DESIGN.md §5 *Validation first*).
@Suite struct ValidationTests {
    static let operations = #"""
        "create": {"request": "POST /v1/issues", "description": "Open a new issue with labels and a count.",
                   "parameters": {
                       "title": {"in": "body", "type": "string", "required": true, "description": "Title."},
                       "count": {"in": "body", "type": "integer", "minimum": 1, "description": "How many."},
                       "state": {"in": "query", "type": "string", "enum": ["open", "closed"], "description": "State."},
                       "labels": {"in": "body", "type": "array", "items": {"type": "string"}, "description": "Labels."},
                       "flag": {"in": "query", "type": "boolean", "description": "A flag."}}},
        "list": {"request": "GET /v1/projects/{project}/issues", "description": "List the issues of one project.",
                 "parameters": {"project": {"in": "path", "type": "string", "description": "Project key."}},
                 "pagination": {"style": "offset", "offset": {"param": "start"}, "page_size": {"param": "limit", "max": 50}}}
        """#

    static func harness() throws -> EngineHarness {
        try EngineHarness(router: Router(fallback: { _ in .json("[]") }), operations: operations)
    }

    /// The `field: message` parts of an invalid_arguments message.
    static func parts(_ outcome: ToolOutcome) throws -> [String: String] {
        let error = try #require(outcome.error)
        #expect(error.type == .invalidArguments)
        #expect(error.retryable == false)
        #expect(error.status == nil)
        var parts: [String: String] = [:]
        for part in error.message.components(separatedBy: "; ") {
            let pieces = part.split(separator: ":", maxSplits: 1).map(String.init)
            try #require(pieces.count == 2, "'\(part)' is not 'field: message'")
            #expect(parts[pieces[0]] == nil, "field \(pieces[0]) reported twice")
            parts[pieces[0]] = pieces[1]
        }
        return parts
    }

    @Test("wrong types are refused with one message per field, and nothing is sent")
    func wrongTypes() async throws {
        let harness = try Self.harness()
        defer { harness.stop() }
        let outcome = try await harness.call(
            "create", ["title": 12, "count": "five", "labels": "bug", "flag": "yes", "state": "open"])
        let parts = try Self.parts(outcome)
        #expect(Set(parts.keys) == ["title", "count", "labels", "flag"])
        #expect(parts["count"]?.contains("integer") == true)
        #expect(parts["labels"]?.contains("array") == true)
        #expect(harness.server.requests.isEmpty)
    }

    @Test("an unknown argument is refused by name")
    func unknownArgument() async throws {
        let harness = try Self.harness()
        defer { harness.stop() }
        let outcome = try await harness.call("create", ["title": "t", "colour": "red"])
        let parts = try Self.parts(outcome)
        #expect(Array(parts.keys) == ["colour"])
        #expect(parts["colour"]?.contains("not a known argument") == true)
        #expect(harness.server.requests.isEmpty)
    }

    @Test("a missing required argument is refused")
    func missingRequired() async throws {
        let harness = try Self.harness()
        defer { harness.stop() }
        let parts = try Self.parts(try await harness.call("create", ["count": 2]))
        #expect(Array(parts.keys) == ["title"])
        #expect(parts["title"]?.contains("required") == true)
        #expect(harness.server.requests.isEmpty)
    }

    @Test("every offending field is reported at once: type, enum, minimum, unknown, missing")
    func everyFieldAtOnce() async throws {
        let harness = try Self.harness()
        defer { harness.stop() }
        let outcome = try await harness.call("create", ["count": 0, "state": "merged", "labels": [1], "extra": true])
        let parts = try Self.parts(outcome)
        #expect(Set(parts.keys) == ["title", "count", "state", "labels.0", "extra"])
        #expect(outcome.errorObject?["type"] == "invalid_arguments")
        #expect(harness.server.requests.isEmpty)
    }

    @Test("list tools check limit, next_cursor and fields, and a missing path argument")
    func listArguments() async throws {
        let harness = try Self.harness()
        defer { harness.stop() }
        for arguments: JSONObject in [
            ["project": "OPS", "limit": 0], ["project": "OPS", "limit": 501], ["project": "OPS", "limit": "ten"],
            ["project": "OPS", "fields": "id"], ["project": "OPS", "next_cursor": 5], ["limit": 5],
            ["next_cursor": "abc", "colour": "red"],
        ] {
            let outcome = try await harness.call("list", arguments)
            #expect(outcome.errorType == .invalidArguments, "\(arguments): \(outcome.text)")
        }
        #expect(harness.server.requests.isEmpty)
    }

    @Test("valid arguments pass and are sent")
    func validArguments() async throws {
        let harness = try Self.harness()
        defer { harness.stop() }
        let outcome = try await harness.call("create", ["title": "t", "count": 2, "labels": ["a"], "flag": false])
        #expect(!outcome.isError, "\(outcome.text)")
        let request = try #require(harness.server.requests.first)
        #expect(request.queryValue("flag") == "false")
        #expect(try JSONParser.parse(request.body) == ["title": "t", "count": 2, "labels": ["a"]])
    }
}
