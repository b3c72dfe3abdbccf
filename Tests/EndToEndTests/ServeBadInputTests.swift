import Foundation
import JSON
import TestSupport
import Testing

extension ServeEndToEnd {
    /// Malformed, invalid and oversized input against the real binary: every line gets its error (or
    /// is dropped when it is a notification) and the server keeps serving (DESIGN.md §3, §8).
    @Suite struct ServeBadInputTests {
        /// Expects the server still to answer a ping.
        private func expectServing(_ session: ServeSession, id: JSONValue = "alive") async throws {
            #expect(try await session.roundTrip(id, "ping")["result"] == [:])
        }

        @Test("an unparseable line is -32700 with id null, and the server keeps serving")
        func parseError() async throws {
            let session = try ServeSession()
            let lines = [
                #"{"jsonrpc":"2.0","id":1,"method":"ping""#, "not json at all", #"{"id":1,}"#, "\u{1}",
                String(repeating: "[", count: 100_000), #"{"jsonrpc":"2.0","id":2,"method":"ping"} trailing"#,
            ]
            for line in lines {
                await session.send(line)
                let answer = try await session.next()
                #expect(answer["error"]?["code"] == -32700, "\(line.prefix(80))")
                #expect(answer["id"] == .null)
            }
            try await expectServing(session)
            #expect(await session.finish() == 0)
        }

        @Test("ids beyond 64 bits or beyond a double's range are valid JSON and are echoed exactly as sent")
        func outOfRangeIDs() async throws {
            let session = try ServeSession()
            for id in ["12345678901234567890", "1e999999", "-9223372036854775809"] {
                await session.send(#"{"jsonrpc":"2.0","id":\#(id),"method":"ping"}"#)
                let line = await session.nextLine()
                #expect(line == #"{"jsonrpc":"2.0","id":\#(id),"result":{}}"#)
            }
            #expect(await session.finish() == 0)
        }

        @Test("invalid UTF-8 bytes are -32700, and the server keeps serving")
        func invalidUTF8() async throws {
            let session = try ServeSession()
            let prefix = Data(#"{"jsonrpc":"2.0","id":7,"method":"ping","params":{"x":""#.utf8)
            for bad in [Data([0xFF, 0xFE]), Data([0xC3]), Data([0xED, 0xA0, 0x80]), Data([0xC0, 0xAF])] {
                await session.sendRaw(prefix + bad + Data(#""}}"#.utf8) + Data([0x0A]))
                let answer = try await session.next()
                #expect(answer["error"]?["code"] == -32700, "\(Array(bad))")
                #expect(answer["id"] == .null)
            }
            await session.sendRaw(Data([0x80, 0x81, 0x0A]))
            #expect(try await session.next()["error"]?["code"] == -32700)
            try await expectServing(session)
            #expect(await session.finish() == 0)
        }

        @Test("a request without jsonrpc 2.0 is -32600")
        func invalidRequest() async throws {
            let session = try ServeSession()
            let lines = [
                #"{"id":1,"method":"ping"}"#, #"{"jsonrpc":"1.0","id":2,"method":"ping"}"#,
                #"{"jsonrpc":2.0,"id":3,"method":"ping"}"#, #"{"jsonrpc":"2.0","id":4,"method":5}"#,
                #"{"jsonrpc":"2.0","id":null,"method":"ping"}"#,
                #"{"jsonrpc":"2.0","id":[1],"method":"ping"}"#, "[]", "42",
            ]
            for line in lines {
                await session.send(line)
                #expect(try await session.next()["error"]?["code"] == -32600, "\(line)")
            }
            try await expectServing(session)
            #expect(await session.finish() == 0)
        }

        @Test("an unknown method is -32601")
        func unknownMethod() async throws {
            let session = try ServeSession()
            for method in ["tools/frobnicate", "resources/list", "prompts/get", ""] {
                let answer = try await session.roundTrip("m", method, [:])
                #expect(answer["error"]?["code"] == -32601, "\(method)")
            }
            #expect(await session.finish() == 0)
        }

        @Test("an unknown tool or non-object arguments are -32602 and reach no vendor")
        func invalidParams() async throws {
            let session = try ServeSession()
            #expect(try await session.roundTrip(1, "tools/call", ["name": "no_such_tool"])["error"]?["code"] == -32602)
            for arguments: JSONValue in [[1, 2], "item_id=i1", 3, true] {
                let answer = try await session.roundTrip(
                    2, "tools/call", ["name": "acme_items_get", "arguments": arguments])
                #expect(answer["error"]?["code"] == -32602, "\(arguments.encoded())")
            }
            #expect(try await session.roundTrip(3, "tools/call", ["arguments": [:]])["error"]?["code"] == -32602)
            #expect(session.vendor.requests.isEmpty)
            #expect(await session.finish() == 0)
        }

        @Test("ids are echoed with their exact JSON type")
        func idTypes() async throws {
            let session = try ServeSession()
            let cases: [(line: String, id: JSONValue, text: String)] = [
                (#"{"jsonrpc":"2.0","id":1,"method":"ping"}"#, 1, #""id":1,"#),
                (#"{"jsonrpc":"2.0","id":"1","method":"ping"}"#, "1", #""id":"1""#),
                (#"{"jsonrpc":"2.0","id":1.5,"method":"ping"}"#, 1.5, #""id":1.5"#),
                (#"{"jsonrpc":"2.0","id":-20,"method":"nope"}"#, -20, #""id":-20,"#),
                (#"{"jsonrpc":"2.0","id":"","method":"nope"}"#, "", #""id":"""#),
                (
                    #"{"jsonrpc":"2.0","id":9007199254740993,"method":"ping"}"#, 9_007_199_254_740_993,
                    #""id":9007199254740993,"#
                ),
                (#"{"jsonrpc":"2.0","id":"\u00e9","method":"ping"}"#, "\u{e9}", #""id":""#),
            ]
            for item in cases {
                await session.send(item.line)
                let line = try #require(await session.nextLine(timeout: ServeSession.timeout))
                #expect(try JSONParser.parse(line)["id"] == item.id, "\(line)")
                #expect(line.contains(item.text), "\(line)")
            }
            #expect(await session.finish() == 0)
        }

        @Test("notifications are never answered, whatever they ask")
        func notificationsUnanswered() async throws {
            let session = try ServeSession()
            await session.notify("notifications/initialized")
            await session.notify("notifications/unknown", ["x": 1])
            await session.notify("notifications/cancelled", ["requestId": 999])
            await session.notify("notifications/cancelled", ["requestId": [1]])
            await session.notify("notifications/progress", ["progressToken": "t", "progress": 1])
            await session.notify("tools/list")
            await session.notify("no/such/method")
            await session.request(1, "ping")
            let first = try #require(try await session.nextFresh())
            #expect(first["id"] == 1, "the ping's answer must be the first line: \(first.encoded())")
            #expect(await session.finish() == 0)
            #expect(session.process.allLines.count == 1)
        }

        @Test("a 17 MB line is refused with an error and the server keeps serving")
        func oversizedLine() async throws {
            let session = try ServeSession()
            let padding = String(repeating: "a", count: 17 << 20)
            await session.send(
                #"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"x","arguments":{"p":"\#(padding)"}}}"#
            )
            let answer = try await session.next(timeout: .seconds(60))
            #expect(answer["error"]?["code"]?.intValue != nil)
            #expect(answer["id"] == .null)
            try await expectServing(session)
            #expect(await session.finish() == 0)
        }
    }
}
