import JSON
import MCP
import Testing

@Suite struct VersionNegotiationTests {
    @Test(
        "initialize echoes each legacy revision", arguments: ["2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25"])
    func echoesLegacy(version: String) async throws {
        let client = TestClient()
        let response = try await client.initialize(version)
        let result = try #require(response["result"])
        #expect(response["id"] == 0)
        #expect(result["protocolVersion"] == .string(version))
        #expect(result["capabilities"] == ["tools": ["listChanged": true]])
        #expect(result["serverInfo"]?["name"] == "switchyard")
        #expect(result["serverInfo"]?["version"]?.stringValue != nil)
    }

    @Test(
        "initialize answers 2025-11-25 to a future, modern, unknown or missing version",
        arguments: [JSONValue.string("2099-01-01"), "2026-07-28", "garbage", 20_250_618, .null])
    func answersNewestLegacy(version: JSONValue) async throws {
        let client = TestClient()
        let response = try await client.request(0, "initialize", ["protocolVersion": version, "capabilities": [:]])
        #expect(response["result"]?["protocolVersion"] == "2025-11-25")
    }

    @Test("serverInfo carries a title from 2025-06-18 on, and instructions when configured")
    func serverInfoTitle() async throws {
        let configuration = ServerConfiguration(version: "1.2.3", instructions: "Use the tools.")
        let old = try await TestClient(configuration: configuration).initialize("2025-03-26")
        #expect(old["result"]?["serverInfo"] == ["name": "switchyard", "version": "1.2.3"])
        #expect(old["result"]?["instructions"] == "Use the tools.")
        let new = try await TestClient(configuration: configuration).initialize("2025-06-18")
        #expect(new["result"]?["serverInfo"] == ["name": "switchyard", "version": "1.2.3", "title": "Switchyard"])
    }

    /// The `echo` tool's definition and a call's result under `version` (`nil`: never initialized).
    private func rendered(under version: String?) async throws -> (tool: JSONValue, call: JSONValue) {
        let client = TestClient()
        if let version { try await client.initialize(version) }
        let list = try await client.request(1, "tools/list")
        let tool = try #require(list["result"]?["tools"]?.arrayValue?.first { $0["name"] == "echo" })
        let call = try await client.request(2, "tools/call", ["name": "echo", "arguments": ["text": "hi"]])
        return (tool, try #require(call["result"]))
    }

    @Test("2024-11-05 gets no annotations, title, outputSchema or structuredContent")
    func filters20241105() async throws {
        let (tool, call) = try await rendered(under: "2024-11-05")
        #expect(tool.objectValue?.keys == ["name", "description", "inputSchema"])
        #expect(call.objectValue?.keys == ["content", "isError"])
        #expect(call["content"] == [["type": "text", "text": #"{"text":"hi"}"#]])
        #expect(call["isError"] == false)
    }

    @Test("2025-03-26 gets annotations only")
    func filters20250326() async throws {
        let (tool, call) = try await rendered(under: "2025-03-26")
        #expect(tool.objectValue?.keys == ["name", "description", "inputSchema", "annotations"])
        #expect(tool["annotations"] == ["readOnlyHint": true, "openWorldHint": false])
        #expect(call["structuredContent"] == nil)
    }

    @Test(
        "2025-06-18, 2025-11-25 and an uninitialized client get every field",
        arguments: ["2025-06-18", "2025-11-25", nil])
    func filtersNewer(version: String?) async throws {
        let (tool, call) = try await rendered(under: version)
        #expect(
            tool.objectValue?.keys == ["name", "title", "description", "inputSchema", "outputSchema", "annotations"])
        #expect(tool["title"] == "Echo")
        #expect(tool["outputSchema"] == ["type": "object"])
        #expect(call["structuredContent"] == ["text": "hi"])
        #expect(call["isError"] == false)
    }

    @Test("a client that never initializes can list and call tools")
    func uninitializedClient() async throws {
        let client = TestClient()
        let list = try await client.request(1, "tools/list")
        #expect(list["result"]?["tools"]?.arrayValue?.count == 4)
        let call = try await client.request(2, "tools/call", ["name": "fail"])
        #expect(call["result"]?["isError"] == true)
        #expect(call["result"]?["structuredContent"] == ["error": ["type": "forbidden"]])
    }

    @Test("negotiation rules are those of the design")
    func negotiationTable() {
        #expect(ProtocolRevision.negotiate("2024-11-05") == .v2024_11_05)
        #expect(ProtocolRevision.negotiate("2026-07-28") == .v2025_11_25)
        #expect(ProtocolRevision.negotiate("2030-01-01") == .v2025_11_25)
        #expect(ProtocolRevision.negotiate(nil) == .v2025_11_25)
        #expect(ProtocolRevision.legacy.allSatisfy { !$0.isModern })
        #expect(ProtocolRevision.modern == [.v2026_07_28])
    }
}
