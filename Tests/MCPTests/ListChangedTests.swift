import JSON
import MCP
import Testing

@Suite struct ListChangedTests {
    private let replacement = [
        ToolDescriptor(name: "fresh", description: "A new tool.", inputSchema: ["type": "object"])
    ]
    private let notification: JSONValue = ["jsonrpc": "2.0", "method": "notifications/tools/list_changed"]

    @Test("list_changed is sent to an initialized client each time the tools change")
    func sentWhenInitialized() async throws {
        let client = TestClient()
        try await client.host.waitUntilWatched()
        try await client.initialize("2025-06-18")
        _ = try await client.request(1, "ping")
        try await client.host.replaceTools(replacement)
        #expect(try await client.next() == notification)
        let list = try await client.request(2, "tools/list")
        #expect(list["result"]?["tools"]?[0]?["name"] == "fresh")
        try await client.host.replaceTools(replacement)
        #expect(try await client.next() == notification)
    }

    @Test("list_changed is not sent before initialize nor before notifications/initialized")
    func notSentBeforeInitialized() async throws {
        let client = TestClient()
        try await client.host.waitUntilWatched()
        try await client.host.replaceTools(replacement)
        try await client.initialize("2025-11-25", notify: false)
        try await client.host.replaceTools(replacement)
        client.send(TestClient.request(1, "ping"))
        #expect(try await client.close().map { $0["id"] } == [1])
    }

    @Test("a modern-only client gets no list_changed")
    func notSentToModernClients() async throws {
        let client = TestClient()
        try await client.host.waitUntilWatched()
        _ = try await client.request(1, "server/discover", TestClient.modern())
        try await client.host.replaceTools(replacement)
        client.send(TestClient.request(2, "tools/list", TestClient.modern()))
        #expect(try await client.close().map { $0["id"] } == [2])
    }
}
