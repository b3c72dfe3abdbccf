import JSON
import MCP
import Testing

@Suite struct ModernEraTests {
    private let serverInfoKey = "io.modelcontextprotocol/serverInfo"

    @Test("server/discover lists the modern revision, capabilities, identity and cache hints")
    func discover() async throws {
        let configuration = ServerConfiguration(version: "9.9.9", instructions: "Read first.")
        let client = TestClient(configuration: configuration)
        let response = try await client.request("d", "server/discover", TestClient.modern())
        #expect(response["id"] == "d")
        let result = try #require(response["result"])
        #expect(result["supportedVersions"] == ["2026-07-28"])
        #expect(result["capabilities"]?["tools"] != nil)
        #expect(result["instructions"] == "Read first.")
        #expect(result["resultType"] == "complete")
        #expect(result["_meta"]?[serverInfoKey]?["name"] == "switchyard")
        #expect(result["_meta"]?[serverInfoKey]?["version"] == "9.9.9")
        #expect(result["ttlMs"] == 5000)
        #expect(result["cacheScope"] == "private")
    }

    /// Modern requests whose `_meta` lacks (or mistypes) a required key.
    static let incompleteRequests: [(String, JSONValue?)] = [
        ("server/discover", nil),
        ("server/discover", ["_meta": [:]]),
        ("server/discover", ["_meta": ["io.modelcontextprotocol/clientCapabilities": [:]]]),
        ("server/discover", ["_meta": ["io.modelcontextprotocol/protocolVersion": "2026-07-28"]]),
        ("tools/list", ["_meta": ["io.modelcontextprotocol/protocolVersion": "2026-07-28"]]),
        (
            "tools/call",
            [
                "name": "echo",
                "_meta": [
                    "io.modelcontextprotocol/protocolVersion": "2026-07-28",
                    "io.modelcontextprotocol/clientCapabilities": "all",
                ],
            ]
        ),
        ("tools/list", ["_meta": ["io.modelcontextprotocol/protocolVersion": 20_260_728]]),
    ]

    @Test(
        "a modern request without its protocol version or client capabilities is -32602", arguments: incompleteRequests)
    func missingMeta(method: String, params: JSONValue?) async throws {
        let client = TestClient()
        let response = try await client.request(1, method, params)
        #expect(response["error"]?["code"] == -32602)
        #expect(response["id"] == 1)
    }

    @Test(
        "an unsupported modern version is -32022 naming the supported and requested versions",
        arguments: ["2099-01-01", "2025-11-25", "1900-01-01"])
    func unsupportedVersion(version: String) async throws {
        let client = TestClient()
        let response = try await client.request(1, "tools/list", TestClient.modern(version: version))
        let error = try #require(response["error"])
        #expect(error["code"] == -32022)
        #expect(error["data"] == ["supported": ["2026-07-28"], "requested": .string(version)])
    }

    @Test("modern tools/list carries resultType, serverInfo, ttlMs and cacheScope, and pages")
    func toolsList() async throws {
        let client = TestClient(configuration: ServerConfiguration(pageSize: 3, listTTLMilliseconds: 1234))
        let first = try #require(try await client.request(1, "tools/list", TestClient.modern())["result"])
        #expect(first["resultType"] == "complete")
        #expect(first["_meta"]?[serverInfoKey]?["name"] == "switchyard")
        #expect(first["ttlMs"] == 1234)
        #expect(first["cacheScope"] == "private")
        #expect(first["tools"]?[0] == ToolRendererExpectations.fullEcho)
        let cursor = try #require(first["nextCursor"])
        let second = try await client.request(2, "tools/list", TestClient.modern(["cursor": cursor]))
        #expect(second["result"]?["tools"]?.arrayValue?.map { $0["name"] } == ["progress"])
        #expect(second["result"]?["nextCursor"] == nil)
    }

    @Test("modern tools/call renders like 2025-11-25 plus resultType and serverInfo")
    func toolsCall() async throws {
        let client = TestClient()
        let response = try await client.request(
            1, "tools/call", TestClient.modern(["name": "echo", "arguments": ["q": "x"]]))
        let result = try #require(response["result"])
        #expect(result["content"] == [["type": "text", "text": #"{"q":"x"}"#]])
        #expect(result["structuredContent"] == ["q": "x"])
        #expect(result["isError"] == false)
        #expect(result["resultType"] == "complete")
        #expect(result["_meta"]?[serverInfoKey]?["name"] == "switchyard")
        #expect(result["ttlMs"] == nil)
        let unknown = try await client.request(2, "tools/call", TestClient.modern(["name": "nope"]))
        #expect(unknown["error"]?["code"] == -32602)
    }

    @Test(
        "modern ping, logging/setLevel and initialize are -32601",
        arguments: ["ping", "logging/setLevel", "initialize"])
    func removedMethods(method: String) async throws {
        let client = TestClient()
        let response = try await client.request(1, method, TestClient.modern(["level": "info"]))
        #expect(response["error"]?["code"] == -32601)
    }

    @Test("modern requests do not start a legacy session")
    func stateless() async throws {
        let client = TestClient()
        _ = try await client.request(1, "server/discover", TestClient.modern())
        let legacy = try await client.request(2, "tools/list")
        #expect(legacy["result"]?["resultType"] == nil)
        #expect(legacy["result"]?["tools"]?[0]?["title"] == "Echo")
    }

    @Test("a cancelled modern call gets nothing more: no progress, no response")
    func cancellation() async throws {
        let client = TestClient()
        client.send(
            TestClient.request(
                "m", "tools/call", TestClient.modern(["name": "slow", "arguments": [:]], progressToken: "m")))
        #expect(await client.host.slowStarted.wait(timeout: eventTimeout))
        client.send(["jsonrpc": "2.0", "method": "notifications/cancelled", "params": ["requestId": "m"]])
        #expect(await client.host.slowCancelled.wait(timeout: eventTimeout))
        #expect(await client.host.slowReturned.wait(timeout: eventTimeout))
        client.send(TestClient.request(1, "tools/call", TestClient.modern(["name": "echo"])))
        #expect(try await client.close().map { $0["id"] } == [1])
    }

    @Test("a modern call with a progress token gets progress before its result")
    func progress() async throws {
        let client = TestClient()
        client.send(TestClient.request(1, "tools/call", TestClient.modern(["name": "progress"], progressToken: "p")))
        let first = try await client.next()
        #expect(first["method"] == "notifications/progress")
        #expect(first["params"]?["progressToken"] == "p")
        _ = try await client.next()
        _ = try await client.next()
        #expect(try await client.next()["result"]?["resultType"] == "complete")
    }
}

/// The `echo` tool rendered with every field (2025-06-18 and later).
enum ToolRendererExpectations {
    static let fullEcho: JSONValue = [
        "name": "echo", "title": "Echo", "description": "Returns its arguments.",
        "inputSchema": ["type": "object", "properties": ["text": ["type": "string"]]],
        "outputSchema": ["type": "object"], "annotations": ["readOnlyHint": true, "openWorldHint": false],
    ]
}
