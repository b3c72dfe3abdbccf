import JSON
import Testing

@Suite struct BatchTests {
    @Test("under 2025-03-26 a batch gets one array of responses in order, without notifications")
    func batchAnswered() async throws {
        let client = TestClient()
        try await client.initialize("2025-03-26")
        client.send(
            #"""
            [{"jsonrpc":"2.0","id":1,"method":"ping"},
             {"jsonrpc":"2.0","method":"notifications/whatever"},
             {"jsonrpc":"2.0","id":"two","method":"tools/call","params":{"name":"echo","arguments":{"a":1}}},
             {"jsonrpc":"2.0","id":3,"method":"nope"},
             7]
            """#.replacingOccurrences(of: "\n", with: ""))
        let batch = try #require(try await client.next().arrayValue)
        #expect(batch.map { $0["id"] } == [1, "two", 3, .null])
        #expect(batch[0]["result"] == [:])
        #expect(batch[1]["result"]?["content"] == [["type": "text", "text": #"{"a":1}"#]])
        #expect(batch[1]["result"]?["structuredContent"] == nil)
        #expect(batch[2]["error"]?["code"] == -32601)
        #expect(batch[3]["error"]?["code"] == -32600)
    }

    @Test("a batch of notifications only gets no answer")
    func notificationsOnly() async throws {
        let client = TestClient()
        try await client.initialize("2025-03-26")
        client.send(#"[{"jsonrpc":"2.0","method":"notifications/a"},{"jsonrpc":"2.0","method":"notifications/b"}]"#)
        client.send(TestClient.request(9, "ping"))
        #expect(try await client.close() == [["jsonrpc": "2.0", "id": 9, "result": [:]]])
    }

    @Test("an empty batch gets a single -32600 with id null")
    func emptyBatch() async throws {
        let client = TestClient()
        try await client.initialize("2025-03-26")
        client.send("[]")
        let error = try await client.next()
        #expect(error["error"]?["code"] == -32600)
        #expect(error["id"] == .null)
    }

    @Test("initialize inside a batch is refused")
    func initializeInBatch() async throws {
        let client = TestClient()
        try await client.initialize("2025-03-26")
        client.send(#"[{"jsonrpc":"2.0","id":4,"method":"initialize","params":{"protocolVersion":"2025-06-18"}}]"#)
        let batch = try await client.next()
        #expect(batch[0]?["id"] == 4)
        #expect(batch[0]?["error"]?["code"] == -32600)
    }

    @Test(
        "a batch under any other revision (or before initialize) gets a single -32600 with id null",
        arguments: ["2024-11-05", "2025-06-18", "2025-11-25", nil])
    func batchRefused(version: String?) async throws {
        let client = TestClient()
        if let version { try await client.initialize(version) }
        client.send(#"[{"jsonrpc":"2.0","id":1,"method":"ping"}]"#)
        let error = try await client.next()
        #expect(error.objectValue != nil)
        #expect(error["error"]?["code"] == -32600)
        #expect(error["id"] == .null)
        #expect(try await client.close().isEmpty)
    }
}
