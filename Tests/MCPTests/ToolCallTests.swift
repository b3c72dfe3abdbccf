import JSON
import MCP
import Testing

@Suite struct ToolCallTests {
    @Test("an unknown tool is -32602 under the request's id")
    func unknownTool() async throws {
        let client = TestClient()
        let response = try await client.request(3, "tools/call", ["name": "no_such_tool", "arguments": [:]])
        #expect(response["error"]?["code"] == -32602)
        #expect(response["id"] == 3)
    }

    /// `tools/call` params that are wrong.
    static let invalidCallParams: [JSONValue] = [
        ["name": "echo", "arguments": "x"], ["name": "echo", "arguments": [1]], ["name": "echo", "arguments": nil],
        ["name": "echo", "arguments": 3], ["arguments": [:]], ["name": 5], [1, 2],
    ]

    @Test("arguments that are not an object, or a missing name, are -32602", arguments: invalidCallParams)
    func invalidParams(params: JSONValue) async throws {
        let client = TestClient()
        let response = try await client.request(1, "tools/call", params)
        #expect(response["error"]?["code"] == -32602)
        #expect(response["id"] == 1)
    }

    @Test("arguments may be left out")
    func argumentsOptional() async throws {
        let client = TestClient()
        let response = try await client.request(1, "tools/call", ["name": "echo"])
        #expect(response["result"]?["structuredContent"] == [:])
    }

    @Test("an id and argument values beyond 64 bits come back exactly as sent")
    func bigNumbersRoundTrip() async throws {
        let client = TestClient()
        let id = JSONValue.number("12345678901234567890")
        let response = try await client.request(
            id, "tools/call",
            ["name": "echo", "arguments": ["big": .number("99999999999999999999"), "far": .number("1e400")]])
        #expect(response["id"] == id)
        #expect(response["result"]?["content"]?[0]?["text"] == #"{"big":99999999999999999999,"far":1e400}"#)
        #expect(response["result"]?["structuredContent"]?["big"] == .number("99999999999999999999"))
    }

    @Test("a failed call is a result with isError, not a JSON-RPC error")
    func isErrorResult() async throws {
        let client = TestClient()
        let response = try await client.request(1, "tools/call", ["name": "fail"])
        #expect(response["error"] == nil)
        #expect(response["result"]?["isError"] == true)
        #expect(response["result"]?["content"]?[0]?["text"] == "The vendor refused.")
    }

    @Test("ping and tools/list are answered while a slow call is in flight")
    func concurrency() async throws {
        let client = TestClient()
        client.send(TestClient.request(1, "tools/call", ["name": "slow"]))
        #expect(await client.host.slowStarted.wait(timeout: eventTimeout))
        #expect(try await client.request(2, "ping")["id"] == 2)
        #expect(try await client.request(3, "tools/list")["id"] == 3)
        #expect(try await client.request(4, "tools/call", ["name": "echo"])["id"] == 4)
        client.host.release.fire()
        let slow = try await client.next()
        #expect(slow["id"] == 1)
        #expect(slow["result"]?["content"]?[0]?["text"] == "slow done")
    }

    @Test("a cancelled call's task is cancelled and it is never answered")
    func cancellation() async throws {
        let client = TestClient()
        client.send(TestClient.request("c1", "tools/call", ["name": "slow", "_meta": ["progressToken": "c1"]]))
        #expect(await client.host.slowStarted.wait(timeout: eventTimeout))
        client.send(
            ["jsonrpc": "2.0", "method": "notifications/cancelled", "params": ["requestId": "c1", "reason": "user"]])
        #expect(await client.host.slowCancelled.wait(timeout: eventTimeout))
        #expect(await client.host.slowReturned.wait(timeout: eventTimeout))
        client.send(TestClient.request(2, "ping"))
        let rest = try await client.close()
        #expect(rest.map { $0["id"] } == [2])
    }

    @Test("cancelling by a number does not cancel the request whose id is that number as a string")
    func cancellationMatchesIDType() async throws {
        let client = TestClient()
        client.send(TestClient.request("7", "tools/call", ["name": "slow"]))
        #expect(await client.host.slowStarted.wait(timeout: eventTimeout))
        client.send(["jsonrpc": "2.0", "method": "notifications/cancelled", "params": ["requestId": 7]])
        #expect(try await client.request(1, "ping")["id"] == 1)
        client.host.release.fire()
        let slow = try await client.next()
        #expect(slow["id"] == "7")
        #expect(!client.host.slowCancelled.isFired)
    }

    @Test("progress is reported before the response and never after it")
    func progress() async throws {
        let client = TestClient()
        client.send(TestClient.request(1, "tools/call", ["name": "progress", "_meta": ["progressToken": "tok"]]))
        var messages: [JSONValue] = []
        for _ in 0..<4 { messages.append(try await client.next()) }
        let notifications = messages.prefix(3)
        #expect(notifications.allSatisfy { $0["method"] == "notifications/progress" && $0["id"] == nil })
        #expect(
            notifications.map { $0["params"] }
                == [1, 2, 3].map { ["progressToken": "tok", "progress": $0, "total": 3] })
        #expect(messages[3]["id"] == 1)
        #expect(messages[3]["result"]?["content"]?[0]?["text"] == "counted to 3")
        let reporter = try #require(client.host.lastReporter)
        await reporter(10, 3)
        client.send(TestClient.request(2, "ping"))
        #expect(try await client.close().map { $0["id"] } == [2])
    }

    @Test("a numeric progress token is echoed as a number; no token means no reporter")
    func progressToken() async throws {
        let client = TestClient()
        client.send(TestClient.request(1, "tools/call", ["name": "progress", "_meta": ["progressToken": 42]]))
        #expect(try await client.next()["params"]?["progressToken"] == 42)
        let plain = TestClient()
        let response = try await plain.request(1, "tools/call", ["name": "progress"])
        #expect(response["id"] == 1)
        #expect(plain.host.lastReporter == nil)
    }

    @Test("at end of input, in-flight calls finish and are answered before the server returns")
    func drainsAtEOF() async throws {
        let client = TestClient()
        client.send(TestClient.request(5, "tools/call", ["name": "slow"]))
        #expect(await client.host.slowStarted.wait(timeout: eventTimeout))
        client.transport.closeInput()
        client.host.release.fire()
        let rest = try await client.close()
        #expect(rest.map { $0["id"] } == [5])
        #expect(rest.first?["result"]?["content"]?[0]?["text"] == "slow done")
    }

    @Test("when the client stops reading, in-flight calls are cancelled and the server returns")
    func outputClosed() async throws {
        let client = TestClient()
        client.send(TestClient.request(5, "tools/call", ["name": "slow"]))
        #expect(await client.host.slowStarted.wait(timeout: eventTimeout))
        client.transport.breakOutput()
        #expect(await client.host.slowCancelled.wait(timeout: eventTimeout))
        #expect(try await client.close().isEmpty)
    }

    @Test("cancelling the server's task cancels in-flight calls and run() returns")
    func serverCancelled() async throws {
        let client = TestClient()
        client.send(TestClient.request(5, "tools/call", ["name": "slow"]))
        #expect(await client.host.slowStarted.wait(timeout: eventTimeout))
        try await client.cancelServer()
        #expect(client.host.slowCancelled.isFired)
    }
}
