import Engine
import Foundation
import JSON
import TestSupport
import Testing

/// Request building through the real engine, asserted on what the vendor received
/// (DESIGN.md §4 *parameters*, §5 *Request building*).
@Suite struct RequestBuilderTests {
    static let operations = #"""
        "get": {"request": "GET /repos/{owner}/{repo}", "description": "Fetch one repository by owner and name.",
                "parameters": {"owner": {"in": "path", "type": "string", "description": "Owner."},
                               "repo": {"in": "path", "type": "string", "description": "Name."}}},
        "search": {"request": "GET /search", "description": "Search things by label, id and free text.",
                   "query": {"api-version": "7.1", "mode": "a b&c"},
                   "parameters": {
                       "labels": {"in": "query", "type": "array", "items": {"type": "string"}, "description": "Labels."},
                       "ids": {"in": "query", "type": "array", "items": {"type": "string"}, "explode": false,
                               "description": "Ids."},
                       "page_size": {"in": "query", "name": "page[size]", "type": "integer", "description": "Size."},
                       "q": {"in": "query", "type": "string", "description": "Text."},
                       "sort": {"in": "query", "type": "string", "default": "created", "description": "Order."},
                       "trace": {"in": "header", "name": "X-Trace-Id", "type": "string", "description": "Trace."}}},
        "create": {"request": "POST /issues", "description": "Open a new issue in the OPS project.",
                   "body": {"fields": {"project": {"key": "OPS"}}, "source": "switchyard"},
                   "parameters": {
                       "title": {"in": "body", "type": "string", "required": true, "description": "Title."},
                       "summary": {"in": "body", "type": "string", "to": "/fields/summary", "description": "Summary."},
                       "priority": {"in": "body", "type": "string", "to": "/fields/priority/name", "default": "Medium",
                                    "description": "Priority name."}}},
        "replace": {"kind": "update", "request": "PUT /docs/{id}", "description": "Replace a whole document by id.",
                    "parameters": {"id": {"in": "path", "type": "integer", "description": "Id."},
                                   "document": {"in": "body", "type": "object", "to": "", "required": true,
                                                "description": "The new document."}}}
        """#

    /// A vendor that answers `{}` to everything, behind the integration above.
    static func harness() throws -> EngineHarness {
        try EngineHarness(
            router: Router(fallback: { _ in .json("{}") }),
            settings: #""headers": {"Accept": "application/vnd.vendor+json", "X-Vendor-Version": "2024-01-01"}"#,
            operations: operations)
    }

    @Test(
        "path values are percent-encoded as single segments",
        arguments: [
            ("a/b", "a%2Fb"), ("hello world", "hello%20world"), ("café", "caf%C3%A9"), ("?#%", "%3F%23%25"),
            ("日本", "%E6%97%A5%E6%9C%AC"), ("a+b&c=d", "a%2Bb%26c%3Dd"), ("~user.name-1_x", "~user.name-1_x"),
            ("...", "..."), ("%2e%2e", "%252e%252e"),
        ])
    func pathSegments(value: String, encoded: String) async throws {
        let harness = try Self.harness()
        defer { harness.stop() }
        let outcome = try await harness.call("get", ["owner": .string(value), "repo": "r"])
        #expect(!outcome.isError, "\(outcome.text)")
        let request = try #require(harness.server.requests.first)
        #expect(request.path == "/repos/\(encoded)/r")
        #expect(request.pathSegments.count == 3)
    }

    @Test(
        "a path value of '.', '..' or '' is refused with invalid_arguments and nothing is sent",
        arguments: [".", "..", ""])
    func dotSegmentsRefused(value: String) async throws {
        let harness = try Self.harness()
        defer { harness.stop() }
        let outcome = try await harness.call("get", ["owner": "octo", "repo": .string(value)])
        #expect(outcome.errorType == .invalidArguments)
        #expect(outcome.error?.message.contains("repo") == true)
        #expect(harness.server.requests.isEmpty)
    }

    @Test(
        "a header value with CR or LF is refused and nothing is sent",
        arguments: ["abc\r\nX-Evil: 1", "abc\nX-Evil: 1", "abc\r", "a\u{0}b"])
    func headerInjectionRefused(value: String) async throws {
        let harness = try Self.harness()
        defer { harness.stop() }
        let outcome = try await harness.call("search", ["trace": .string(value)])
        #expect(outcome.errorType == .invalidArguments)
        #expect(outcome.error?.message.contains("trace") == true)
        #expect(harness.server.requests.isEmpty)
    }

    @Test("query values are encoded; arrays explode or join; wire names, constants and defaults are sent")
    func queryParameters() async throws {
        let harness = try Self.harness()
        defer { harness.stop() }
        let outcome = try await harness.call(
            "search",
            ["labels": ["bug", "ui x", "a&b=c"], "ids": ["1", "2", "x,y"], "page_size": 50, "q": "is:open 100%+"])
        #expect(!outcome.isError, "\(outcome.text)")
        let request = try #require(harness.server.requests.first)
        #expect(request.path == "/search")
        #expect(
            request.queryItems.map(\.name) == [
                "api-version", "mode", "labels", "labels", "labels", "ids", "page[size]", "q", "sort",
            ])
        #expect(request.queryValue("api-version") == "7.1")
        #expect(request.queryValue("mode") == "a b&c")
        #expect(request.queryItems.filter { $0.name == "labels" }.map(\.value) == ["bug", "ui x", "a&b=c"])
        #expect(request.query?.contains("ids=1,2,x%2Cy") == true, "joined with literal commas: \(request.query ?? "")")
        #expect(request.query?.contains("page%5Bsize%5D=50") == true)
        #expect(request.queryValue("page[size]") == "50")
        #expect(request.queryValue("q") == "is:open 100%+")
        #expect(request.queryValue("sort") == "created")
        #expect(request.header("X-Trace-Id") == nil)
    }

    @Test("an argument given replaces the schema default; header parameters and integration headers are sent")
    func headersAndDefaults() async throws {
        let harness = try Self.harness()
        defer { harness.stop() }
        _ = try await harness.call("search", ["sort": "updated", "trace": "t-42"])
        let request = try #require(harness.server.requests.first)
        #expect(request.queryItems.filter { $0.name == "sort" }.map(\.value) == ["updated"])
        #expect(request.header("X-Trace-Id") == "t-42")
        #expect(request.header("X-Vendor-Version") == "2024-01-01")
        #expect(request.headerValues("Accept") == ["application/vnd.vendor+json"])
        #expect(request.header("User-Agent") == "switchyard")
    }

    @Test("body parameters land at their pointers over the constant body; defaults fill the rest")
    func bodyPointers() async throws {
        let harness = try Self.harness()
        defer { harness.stop() }
        let outcome = try await harness.call("create", ["title": "Disk full", "summary": "The disk is full"])
        #expect(!outcome.isError, "\(outcome.text)")
        let request = try #require(harness.server.requests.first)
        #expect(request.method == "POST")
        #expect(request.header("Content-Type") == "application/json")
        let body = try JSONParser.parse(request.body)
        let expected: JSONValue = [
            "fields": ["project": ["key": "OPS"], "summary": "The disk is full", "priority": ["name": "Medium"]],
            "source": "switchyard", "title": "Disk full",
        ]
        #expect(body == expected)
    }

    @Test("a body parameter with to \"\" is the whole body")
    func wholeBody() async throws {
        let harness = try Self.harness()
        defer { harness.stop() }
        let document: JSONValue = ["a": 1, "b": [2, "three"], "c": ["d": nil]]
        let outcome = try await harness.call("replace", ["id": 9, "document": document])
        #expect(!outcome.isError, "\(outcome.text)")
        let request = try #require(harness.server.requests.first)
        #expect(request.method == "PUT")
        #expect(request.path == "/docs/9")
        #expect(try JSONParser.parse(request.body) == document)
    }

    @Test("a GET sends no body and no content type")
    func getHasNoBody() async throws {
        let harness = try Self.harness()
        defer { harness.stop() }
        _ = try await harness.call("get", ["owner": "o", "repo": "r"])
        let request = try #require(harness.server.requests.first)
        #expect(request.body.isEmpty)
        #expect(request.header("Content-Type") == nil)
        #expect(request.header("Content-Length") == nil || request.header("Content-Length") == "0")
    }

    @Test("a base URL with a path prefix (and a trailing slash) keeps its prefix, also for relative next links")
    func baseURLPathPrefix() async throws {
        var router = Router()
        router.on("GET", "/api/v3/items") { request, _ in
            request.queryValue("page") == "2"
                ? .json(#"[{"number":2}]"#)
                : .json(#"[{"number":1}]"#, headers: [("Link", #"</api/v3/items?page=2>; rel="next""#)])
        }
        let harness = try EngineHarness(router: router) { base in
            IntegrationFile.text(
                baseURL: base + "/api/v3/",
                operations: #"""
                    "list": {"request": "GET /items", "description": "List items of the vendor in order.",
                             "pagination": {"style": "link_header"}}
                    """#)
        }
        defer { harness.stop() }
        #expect(try await harness.call("list").numbers() == [1, 2])
        #expect(harness.server.requests.map(\.target) == ["/api/v3/items", "/api/v3/items?page=2"])
    }
}
