import Foundation
import JSON
import TestSupport
import Testing

extension ServeEndToEnd {
    /// Standard output against the real binary: nothing but JSON-RPC messages, one a line, and one
    /// answer per request, however busy the session and however verbose the logs (DESIGN.md §3).
    @Suite struct ServeOutputTests {
        @Test("at --log-level debug a busy session writes only JSON-RPC lines, one answer per request")
        func onlyProtocolOnStdout() async throws {
            let stalling = try LoopbackServer { _ in .stall }
            let session = try ServeSession(["--log-level", "debug"], acmeURL: stalling.baseURL, retaining: [stalling])
            try await session.initialize("2025-03-26")
            await session.send("this is not json")
            await session.sendRaw(Data([0xFF, 0x0A]))
            await session.send(#"{"id":1,"method":"ping"}"#)
            await session.request(2, "ping")
            await session.request(3, "tools/list", [:])
            await session.request(4, "no/such/method")
            await session.send(
                #"[{"jsonrpc":"2.0","id":5,"method":"ping"},{"jsonrpc":"2.0","id":6,"method":"tools/list"}]"#)
            await session.call(7, "beta_widgets_get", ["widget_id": "w1"])
            await session.call(8, "acme_items_get", ["item_id": 3])
            await session.call(9, "acme_items_get", ["item_id": "stuck"], meta: ["progressToken": "p9"])
            #expect(await stalling.waitForRequests(count: 1, timeout: ServeSession.timeout))
            await session.notify("notifications/cancelled", ["requestId": 9])
            await session.request(10, "tools/list", ["_meta": ServeSession.modernMeta])
            _ = try await session.response(to: 10)
            #expect(await session.finish() == 0)

            let lines = session.process.allLines
            ServeSession.expectProtocolOnly(lines)
            let messages = lines.compactMap { try? JSONParser.parse($0) }.flatMap { $0.arrayValue ?? [$0] }
            var answered: [JSONValue: Int] = [:]
            for message in messages where message["method"] == nil {
                answered[message["id"] ?? .null, default: 0] += 1
            }
            for id: JSONValue in ["init", 1, 2, 3, 4, 5, 6, 7, 8, 10] {
                #expect(answered[id] == 1, "\(id.encoded()) was answered \(answered[id] ?? 0) times")
            }
            #expect(answered[9] == nil, "the cancelled call was answered")
            #expect(answered[.null] == 2, "the two unparseable lines")
            #expect(session.process.standardError.contains("debug"))
            #expect(lines.allSatisfy { !$0.contains("\n") && !$0.hasPrefix("switchyard:") })
        }

        @Test("log lines at every level go to stderr, never stdout")
        func logsOnStderr() async throws {
            let session = try ServeSession(["--log-level", "debug"])
            await session.send("{")
            _ = try await session.callResult(1, "acme_items_get", ["item_id": "missing"])
            #expect(await session.finish() == 0)
            #expect(session.process.standardError.contains("switchyard"))
            #expect(session.process.allLines.count == 2)
            ServeSession.expectProtocolOnly(session.process.allLines)
        }
    }
}
