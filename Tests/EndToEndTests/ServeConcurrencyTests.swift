import Foundation
import JSON
import TestSupport
import Testing

extension ServeEndToEnd {
    /// Concurrency against the real binary: a slow call delays nothing sent after it, cancellation
    /// aborts the vendor transfer and silences the call, and progress precedes the result (DESIGN.md §3).
    @Suite struct ServeConcurrencyTests {
        @Test("a slow tool call does not delay ping, tools/list or another call sent after it")
        func slowCallDelaysNothing() async throws {
            let session = try ServeSession()
            try await session.initialize("2025-11-25")
            await session.call("slow", "acme_items_get", ["item_id": "slow"])
            #expect(await session.vendor.server.waitForRequests(count: 1, timeout: ServeSession.timeout))
            await session.request("ping", "ping")
            await session.request("list", "tools/list", [:])
            await session.call("fast", "acme_items_get", ["item_id": "i1"])
            var order: [JSONValue] = []
            for _ in 0..<4 {
                let message = try await session.next()
                if let id = message["id"] { order.append(id) }
                if message["id"] == "slow" {
                    #expect(message["result"]?["structuredContent"]?["name"] == "Slow item")
                }
            }
            #expect(order.count == 4)
            #expect(order.last == "slow", "answers arrived in the order \(order.map { $0.encoded() })")
            #expect(Set(order.dropLast()) == ["ping", "list", "fast"])
            #expect(await session.finish() == 0)
        }

        @Test(
            "notifications/cancelled aborts the vendor transfer and the call is never answered",
            arguments: [false, true])
        func cancellation(modern: Bool) async throws {
            let stalling = try LoopbackServer { _ in .stall }
            let session = try ServeSession(acmeURL: stalling.baseURL, retaining: [stalling])
            if !modern { try await session.initialize("2025-06-18") }
            let meta = modern ? ServeSession.modernMeta : nil
            await session.call(5, "acme_items_get", ["item_id": "stuck"], meta: meta)
            #expect(await stalling.waitForRequests(count: 1, timeout: ServeSession.timeout))
            await session.notify("notifications/cancelled", ["requestId": 5, "reason": "the user gave up"])
            #expect(
                await stalling.waitForClosedConnections(count: 1, timeout: ServeSession.timeout),
                "the vendor never saw the transfer aborted")
            let ping = try await session.roundTrip(
                6, modern ? "tools/list" : "ping", modern ? ["_meta": ServeSession.modernMeta] : nil)
            #expect(ping["result"] != nil)
            let other = try await session.callResult(7, "beta_widgets_get", ["widget_id": "w1"], meta: meta)
            #expect(other["isError"] == true)
            #expect(await session.finish(timeout: .seconds(10)) == 0)
            let messages = session.process.allLines.compactMap { try? JSONParser.parse($0) }
            #expect(!messages.contains { $0["id"] == 5 }, "a response to the cancelled call was sent")
            #expect(
                stalling.requests.map(\.target) == ["/items/stuck"],
                "the cancelled call was re-sent: \(stalling.requests.map(\.target))")
        }

        @Test("a list over several vendor pages reports increasing progress, total = limit, before its result")
        func progress() async throws {
            let session = try ServeSession()
            try await session.initialize("2025-11-25")
            let tokens: [JSONValue] = ["tok", 42]
            for (index, token) in tokens.enumerated() {
                let id = JSONValue.int(Int64(100 + index))
                let result = try await session.callResult(
                    id, "acme_items_list", ["limit": 5], meta: ["progressToken": token])
                #expect(result["structuredContent"]?["items"]?.arrayValue?.count == 5)
                var progress: [Double] = []
                while let notification = session.skipped.first {
                    _ = try await session.next()
                    #expect(notification["method"] == "notifications/progress")
                    #expect(notification["params"]?["progressToken"] == token)
                    #expect(notification["params"]?["total"]?.doubleValue == 5)
                    if let value = notification["params"]?["progress"]?.doubleValue { progress.append(value) }
                }
                #expect(progress == [2, 4, 5], "progress = items so far after each page")
                #expect(zip(progress, progress.dropFirst()).allSatisfy { $0 < $1 }, "progress: \(progress)")
                #expect(progress.allSatisfy { $0 > 0 && $0 <= 5 }, "progress: \(progress)")
            }
            let pageSizes = session.vendor.requests.map { $0.queryValue("per_page") }
            #expect(pageSizes == ["2", "2", "1", "2", "2", "1"])
            #expect(await session.finish() == 0)
            let lines = session.process.allLines.compactMap { try? JSONParser.parse($0) }
            let lastResponse = try #require(lines.lastIndex { $0["id"] == 101 })
            #expect(lines[lastResponse...].dropFirst().allSatisfy { $0["method"] == nil }, "progress after the result")
        }

        @Test("a list call without a progress token gets no progress notifications")
        func noTokenNoProgress() async throws {
            let session = try ServeSession()
            try await session.initialize("2025-11-25")
            let result = try await session.callResult(1, "acme_items_list", ["limit": 5])
            #expect(result["isError"] == false)
            #expect(session.skipped.isEmpty)
            #expect(await session.finish() == 0)
            #expect(session.process.allLines.allSatisfy { !$0.contains("notifications/progress") })
        }
    }
}
