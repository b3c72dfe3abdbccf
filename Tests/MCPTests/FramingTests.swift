import JSON
import Testing

@testable import MCP

@Suite struct FramingTests {
    private func errorCode(_ message: JSONValue) -> Int64? { message["error"]?["code"]?.intValue }

    @Test("an unparseable line gets -32700 with id null and serving continues")
    func parseError() async throws {
        let client = TestClient()
        client.send(#"{"jsonrpc":"2.0","id":1,"method":"ping""#)
        let error = try await client.next()
        #expect(errorCode(error) == -32700)
        #expect(error["id"] == .null)
        #expect(error["jsonrpc"] == "2.0")
        let pong = try await client.request(2, "ping")
        #expect(pong["id"] == 2)
        #expect(pong["result"] == [:])
    }

    @Test("invalid UTF-8 is a parse error with id null and serving continues")
    func invalidUTF8() async throws {
        let client = TestClient()
        client.send(bytes: Array(#"{"jsonrpc":"2.0","id":1,"method":"p"#.utf8) + [0xFF, 0xFE] + Array(#""}"#.utf8))
        let error = try await client.next()
        #expect(errorCode(error) == -32700)
        #expect(error["id"] == .null)
        #expect(try await client.request(2, "ping")["result"] == [:])
    }

    @Test("an over-long line gets an error with id null and serving continues")
    func overLongLine() async throws {
        let client = TestClient()
        client.transport.pushTooLongLine(length: 20_000_000)
        let error = try await client.next()
        #expect(errorCode(error) == -32600)
        #expect(error["id"] == .null)
        #expect(try await client.request(2, "ping")["result"] == [:])
    }

    @Test(
        "a malformed request object gets -32600, echoing a valid id",
        arguments: [
            (#"{"id":7,"method":"ping"}"#, JSONValue.int(7)),
            (#"{"jsonrpc":"1.0","id":"a","method":"ping"}"#, "a"),
            (#"{"jsonrpc":"2.0","id":8,"method":42}"#, 8),
            (#"{"jsonrpc":"2.0","id":9}"#, 9),
            (#"{"jsonrpc":"2.0","id":10,"method":"ping","params":"x"}"#, 10),
            (#"{"jsonrpc":"2.0","id":true,"method":"ping"}"#, .null),
            (#"{"jsonrpc":"2.0","id":{"a":1},"method":"ping"}"#, .null),
            (#"{"jsonrpc":"2.0","id":[1],"method":"ping"}"#, .null),
            (#"{"jsonrpc":"2.0","id":null,"method":"ping"}"#, .null),
            ("42", .null),
            (#""hello""#, .null),
        ])
    func invalidRequest(line: String, id: JSONValue) async throws {
        let client = TestClient()
        client.send(line)
        let error = try await client.next()
        #expect(errorCode(error) == -32600)
        #expect(error["id"] == id)
        #expect(error["result"] == nil)
    }

    @Test("ids are echoed with their exact JSON type", arguments: [JSONValue.int(1), "1", .double(1.5), .int(-3), ""])
    func idEcho(id: JSONValue) async throws {
        let client = TestClient()
        let response = try await client.request(id, "ping")
        #expect(response["id"] == id)
    }

    @Test("an unknown method gets -32601 under its id")
    func unknownMethod() async throws {
        let client = TestClient()
        let response = try await client.request("x", "resources/list")
        #expect(errorCode(response) == -32601)
        #expect(response["id"] == "x")
    }

    @Test("notifications are never answered, known, unknown or shaped like requests")
    func notificationsUnanswered() async throws {
        let client = TestClient()
        client.send(["jsonrpc": "2.0", "method": "notifications/initialized"])
        client.send(["jsonrpc": "2.0", "method": "notifications/whatever", "params": ["a": 1]])
        client.send(["jsonrpc": "2.0", "method": "tools/list"])
        client.send(["jsonrpc": "2.0", "method": "tools/call", "params": ["name": "nope"]])
        client.send(["jsonrpc": "2.0", "method": "notifications/cancelled", "params": ["requestId": 99]])
        client.send("   ")
        client.send("")
        client.send(["jsonrpc": "2.0", "id": 5, "result": [:]])
        client.send(TestClient.request(1, "ping"))
        let rest = try await client.close()
        #expect(rest == [["jsonrpc": "2.0", "id": 1, "result": [:]]])
    }

    @Test("responses are single compact lines with members in a fixed order")
    func wireShape() {
        let bytes = OutgoingMessage.error(id: "a", .invalidParams("x\ny"))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(!text.contains("\n"))
        #expect(text.hasPrefix(#"{"jsonrpc":"2.0","id":"a","error":{"code":-32602,"#))
    }
}
