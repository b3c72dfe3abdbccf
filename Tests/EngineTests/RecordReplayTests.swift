import Catalog
import Engine
import Foundation
import JSON
import SystemIO
import TestSupport
import Testing

/// Recording exchanges with secrets redacted, and answering from a cassette (DESIGN.md §6).
@Suite struct RecordReplayTests {
    static let operations = #"""
        "get": {"request": "GET /v1/things/{id}", "description": "Fetch one thing of the vendor by id.",
                "parameters": {"id": {"in": "path", "type": "string", "description": "Id."}}},
        "search": {"request": "GET /v1/search", "description": "Search things of the vendor by two terms.",
                   "parameters": {"a": {"in": "query", "type": "string", "description": "A."},
                                  "b": {"in": "query", "type": "string", "description": "B."}}},
        "create": {"request": "POST /v1/things", "description": "Create one thing at the vendor.",
                   "parameters": {"a": {"in": "body", "type": "integer", "description": "A."},
                                  "b": {"in": "body", "type": "integer", "description": "B."}}}
        """#

    /// A fresh cassette path in the temporary directory.
    static func cassettePath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("cassette-\(UUID().uuidString).jsonl").path
    }

    /// The cassette's lines, parsed.
    /// The exchanges of a cassette (its metadata line left out).
    static func entries(_ path: String) throws -> [JSONValue] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try text.split(separator: "\n").map { try JSONParser.parse(String($0)) }.filter {
            $0["switchyard"] == nil
        }
    }

    /// Calls `operation` through `transport` with the catalogue and integration of `harness`.
    static func call(
        _ operation: String, _ arguments: JSONObject, through transport: any HTTPTransport, of harness: EngineHarness
    ) async throws -> ToolOutcome {
        let tool = try #require(harness.catalog.tool(named: "vendor_things_\(operation)"))
        return await ToolEngine(transport: transport).call(tool, in: try harness.integration, arguments: arguments)
    }

    @Test(
        "a recording has [REDACTED] for credentials in headers, URLs and echoed bodies; replay needs no network",
        arguments: [
            #"{"type": "bearer", "token": "${VENDOR_SECRET}"}"#,
            #"{"type": "api_key", "in": "query", "name": "api_key", "value": "${VENDOR_SECRET}"}"#,
        ])
    func recordThenReplay(auth: String) async throws {
        let secret = "s3cr3t/+key=value"
        var router = Router()
        router.on("GET", "/v1/things/{id}") { request, parameters in
            let seen = request.queryValue("api_key") ?? request.header("Authorization") ?? ""
            return .json(JSONValue.object(["id": .string(parameters["id"] ?? ""), "seen": .string(seen)]).encoded())
        }
        let harness = try EngineHarness(
            router: router, settings: #""auth": \#(auth)"#, environment: ["VENDOR_SECRET": secret],
            operations: Self.operations)
        defer { harness.stop() }
        let path = Self.cassettePath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let secrets = SecretRegistry()
        secrets.register(try harness.integration.secretValues)
        let recorder = try RecordingTransport(
            wrapping: try CurlTransport(), path: path, secrets: secrets, logger: Logger())
        let live = try await Self.call("get", ["id": "7"], through: recorder, of: harness)
        #expect(!live.isError, "\(live.text)")
        #expect(harness.server.requests.count == 1)

        let file = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!file.contains(secret) && !file.contains("s3cr3t"), "\(file)")
        let entry = try #require(try Self.entries(path).first)
        let request = try #require(entry["request"])
        #expect(request["method"] == "GET")
        if auth.contains("bearer") {
            #expect(request["headers"]?["Authorization"] == "[REDACTED]")
            #expect(request["url"] == .string(harness.server.url("/v1/things/7")))
        } else {
            #expect(request["url"] == .string(harness.server.url("/v1/things/7?api_key=[REDACTED]")))
        }
        #expect(entry["response"]?["status"] == 200)
        #expect(entry["response"]?["body"]?["seen"]?.stringValue?.contains("[REDACTED]") == true)

        let replay = try ReplayTransport(path: path, secrets: secrets)
        let replayed = try await Self.call("get", ["id": "7"], through: replay, of: harness)
        #expect(!replayed.isError, "\(replayed.text)")
        #expect(replayed.structured?["id"] == "7")
        #expect(harness.server.requests.count == 1, "replay sends nothing")
    }

    /// A harness whose vendor answers 500 to anything, and a cassette written from `lines` for it.
    static func cassette(_ lines: (String) -> [String]) throws -> (harness: EngineHarness, path: String) {
        let harness = try EngineHarness(
            router: Router(fallback: { _ in .json(500, #"{"message":"the network was used"}"#) }),
            operations: Self.operations)
        let path = Self.cassettePath()
        try Data((lines(harness.server.baseURL).joined(separator: "\n") + "\n").utf8).write(
            to: URL(fileURLWithPath: path))
        return (harness, path)
    }

    @Test("replay ignores query order, compares bodies by value, and uses exchanges unused-first")
    func matching() async throws {
        let (harness, path) = try Self.cassette { base in
            [
                #"{"request":{"method":"GET","url":"\#(base)/v1/search?b=2&a=1","headers":{}},"response":{"status":200,"headers":{},"body":{"hit":"search"}}}"#,
                #"{"request":{"method":"POST","url":"\#(base)/v1/things","headers":{},"body":{"b":2,"a":1}},"response":{"status":201,"headers":{},"body":{"hit":"create"}}}"#,
                #"{"request":{"method":"GET","url":"\#(base)/v1/things/1","headers":{}},"response":{"status":200,"headers":{},"body":{"n":1}}}"#,
                #"{"request":{"method":"GET","url":"\#(base)/v1/things/1","headers":{}},"response":{"status":200,"headers":{},"body":{"n":2}}}"#,
            ]
        }
        defer { harness.stop() }
        defer { try? FileManager.default.removeItem(atPath: path) }
        let replay = try ReplayTransport(path: path, secrets: SecretRegistry())
        let search = try await Self.call("search", ["a": "1", "b": "2"], through: replay, of: harness)
        #expect(search.structured == ["hit": "search"])
        let wrongBody = try await Self.call("create", ["a": 1, "b": 3], through: replay, of: harness)
        #expect(wrongBody.errorType == .replayMiss)
        let create = try await Self.call("create", ["a": 1, "b": 2], through: replay, of: harness)
        #expect(create.structured == ["hit": "create"])
        #expect(try await Self.call("get", ["id": "1"], through: replay, of: harness).structured == ["n": 1])
        #expect(try await Self.call("get", ["id": "1"], through: replay, of: harness).structured == ["n": 2])
        let exhausted = try await Self.call("get", ["id": "1"], through: replay, of: harness)
        #expect(exhausted.errorType == .replayMiss)
        #expect(harness.server.requests.isEmpty)
    }

    @Test("a request with no recorded exchange is replay_miss naming the method and URL")
    func miss() async throws {
        let (harness, path) = try Self.cassette { _ in [] }
        defer { harness.stop() }
        defer { try? FileManager.default.removeItem(atPath: path) }
        let replay = try ReplayTransport(path: path, secrets: SecretRegistry())
        let outcome = try await Self.call("get", ["id": "a b"], through: replay, of: harness)
        let error = try #require(outcome.error)
        #expect(error.type == .replayMiss)
        #expect(error.retryable == false)
        #expect(error.message.contains("GET \(harness.server.url("/v1/things/a%20b"))"), "\(error.message)")
        #expect(outcome.errorObject?["type"] == "replay_miss")
        #expect(harness.server.requests.isEmpty)
    }

    @Test("replay works without credentials: unset variables become the redaction marker")
    func replayWithoutCredentials() async throws {
        let server = try LoopbackServer(router: Router())
        defer { server.stop() }
        let text = IntegrationFile.text(
            baseURL: server.baseURL,
            settings: #""auth": {"type": "api_key", "in": "query", "name": "key", "value": "${UNSET_VENDOR_KEY}"}"#,
            operations: Self.operations)
        let catalog = try IntegrationFile.load(text, credentialsOptional: true)
        let path = Self.cassettePath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let line =
            #"{"request":{"method":"GET","url":"\#(server.baseURL)/v1/things/9?key=[REDACTED]","headers":{"Authorization":"[REDACTED]"}},"response":{"status":200,"headers":{"Content-Type":"application/json"},"body":{"id":"9"}}}"#
        try Data(line.utf8).write(to: URL(fileURLWithPath: path))
        let tool = try #require(catalog.tool(named: "vendor_things_get"))
        let integration = try #require(catalog.integrations["vendor"])
        let engine = ToolEngine(transport: try ReplayTransport(path: path, secrets: SecretRegistry()))
        let outcome = await engine.call(tool, in: integration, arguments: ["id": "9"])
        #expect(outcome.structured == ["id": "9"], "\(outcome.text)")
        #expect(server.requests.isEmpty)
    }
}

extension RecordReplayTests {
    @Test("a placeholder credential percent-encoded in a form body matches the recorded marker")
    func encodedMarkerInFormBody() async throws {
        let path = Self.cassettePath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let line =
            #"{"request":{"method":"POST","url":"http://127.0.0.1:9/token","headers":{},"body":"grant_type=client_credentials&client_secret=[REDACTED]","body_format":"text"},"response":{"status":200,"headers":{},"body":{"access_token":"[REDACTED]"}}}"#
        try Data(line.utf8).write(to: URL(fileURLWithPath: path))
        let replay = try ReplayTransport(path: path, secrets: SecretRegistry())
        let request = HTTPRequest(
            method: "POST", url: "http://127.0.0.1:9/token",
            body: Data("grant_type=client_credentials&client_secret=%5BREDACTED%5D".utf8))
        let response = try await replay.send(request)
        #expect(response.status == 200)
    }
}
