import Foundation
import JSON
import TestSupport
import Testing

extension ServeEndToEnd {
    /// End of input against the real binary: in-flight calls finish and are answered, then the
    /// process exits 0 (DESIGN.md §3).
    @Suite struct ServeShutdownTests {
        @Test("stdin EOF with a call in flight: its answer is written, then exit 0")
        func eofWithCallInFlight() async throws {
            let session = try ServeSession()
            try await session.initialize("2025-11-25")
            await session.call("slow", "acme_items_get", ["item_id": "slow"])
            #expect(await session.vendor.server.waitForRequests(count: 1, timeout: ServeSession.timeout))
            #expect(await session.finish() == 0)
            let messages = session.process.allLines.compactMap { try? JSONParser.parse($0) }
            let answer = try #require(messages.first { $0["id"] == "slow" }, "the in-flight call was not answered")
            #expect(answer["result"]?["isError"] == false)
            #expect(answer["result"]?["structuredContent"]?["id"] == "slow")
        }

        @Test("stdin EOF right after several calls: every one is answered before exit 0")
        func eofWithManyCalls() async throws {
            let session = try ServeSession()
            await session.call(1, "acme_items_get", ["item_id": "slow"])
            await session.call(2, "acme_items_list", ["limit": 5])
            await session.call(3, "acme_items_get", ["item_id": "missing"])
            await session.request(4, "tools/list")
            #expect(await session.finish() == 0)
            let messages = session.process.allLines.compactMap { try? JSONParser.parse($0) }
            for id: JSONValue in [1, 2, 3, 4] {
                #expect(messages.contains { $0["id"] == id && $0["result"] != nil }, "no answer to \(id.encoded())")
            }
            #expect(messages.count == 4)
        }

        @Test("stdin EOF with a call stuck at the vendor: it ends at its timeout_ms, is answered, then exit 0")
        func eofBoundedByTimeout() async throws {
            let stalling = try LoopbackServer { _ in .stall }
            let quick = #"""
                {"name": "quick", "description": "A vendor that never answers, with a short time limit.",
                 "base_url": "${QUICK_URL}", "timeout_ms": 1500,
                 "resources": {"things": {"description": "Things that never come.", "operations": {
                   "get": {"request": "GET /things/{id}", "description": "Get one thing by its id (it never comes).",
                           "parameters": {"id": {"in": "path", "type": "string", "description": "The id."}}}}}}}
                """#
            let session = try ServeSession(
                environment: ["QUICK_URL": stalling.baseURL], retaining: [stalling], extraFiles: ["quick.json": quick])
            await session.call("stuck", "quick_things_get", ["id": "t1"])
            #expect(await stalling.waitForRequests(count: 1, timeout: ServeSession.timeout))
            #expect(await session.finish() == 0)
            let messages = session.process.allLines.compactMap { try? JSONParser.parse($0) }
            let answer = try #require(messages.first { $0["id"] == "stuck" }, "the stuck call was not answered")
            #expect(answer["result"]?["isError"] == true)
            #expect(answer["result"]?["structuredContent"]?["error"]?["type"] == "timeout")
        }

        @Test("a last line without a newline is still answered at EOF")
        func lastLineWithoutNewline() async throws {
            let session = try ServeSession()
            await session.sendRaw(Data(#"{"jsonrpc":"2.0","id":9,"method":"ping"}"#.utf8))
            #expect(await session.finish() == 0)
            #expect(session.process.allLines.count == 1)
            #expect(try JSONParser.parse(session.process.allLines.joined())["id"] == 9)
        }

        @Test("EOF before any input exits 0 with nothing on stdout")
        func immediateEOF() async throws {
            let session = try ServeSession()
            #expect(await session.finish() == 0)
            #expect(session.process.allLines.isEmpty)
        }
    }
}
