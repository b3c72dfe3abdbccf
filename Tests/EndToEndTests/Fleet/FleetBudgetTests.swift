import Foundation
import JSON
import TestSupport
import Testing

extension FleetEndToEnd {
    /// One rate budget shared through Redis by every process, and what happens when Redis goes away.
    @Suite struct FleetBudgetTests {
        /// A vendor that answers every `GET /things/{id}` and remembers when each request arrived.
        private static func vendor() throws -> LoopbackServer {
            try LoopbackServer { request in .json(#"{"path":"\#(request.path)"}"#) }
        }

        private static func integration(_ vendor: LoopbackServer, rateLimit: String, timeoutMs: Int = 30000) -> String {
            #"""
            {"name": "metered", "description": "A vendor that allows ten requests a second.",
             "base_url": "\#(vendor.baseURL)", "auth": {"type": "bearer", "token": "${METERED_TOKEN}"},
             "rate_limit": \#(rateLimit), "timeout_ms": \#(timeoutMs),
             "resources": {"things": {"description": "Things of the vendor.", "operations": {
               "get": {"request": "GET /things/{id}", "description": "Fetch one thing of the vendor by its id.",
                       "parameters": {"id": {"in": "path", "type": "string", "description": "The thing's id."}}}
             }}}}
            """#
        }

        private static func calls(_ count: Int, prefix: String) -> [(tool: String, arguments: JSONValue)] {
            (0..<count).map { ("metered_things_get", ["id": .string("\(prefix)\($0)")]) }
        }

        @Test("two processes share 10 requests/s: the vendor sees at most 10 in any second after the burst")
        func sharedBudget() async throws {
            let redis = try await RedisServer.launch()
            defer { redis.kill() }
            let vendor = try Self.vendor()
            defer { vendor.stop() }
            let directory = try TemporaryDirectory()
            try directory.write(
                "metered.json", Self.integration(vendor, rateLimit: #"{"requests": 10, "per_seconds": 1}"#))
            let members = try (0..<2).map { _ in
                try FleetMember(
                    ["--integrations", directory.path, "--state-store", redis.url()],
                    environment: ["METERED_TOKEN": "tok-metered"])
            }
            async let first = members[0].callAll(Self.calls(25, prefix: "a"), prefix: "a")
            async let second = members[1].callAll(Self.calls(25, prefix: "b"), prefix: "b")
            let results = try await [first, second].flatMap { $0 }
            #expect(results.count == 50 && results.allSatisfy { $0.value["isError"] == false })
            let arrivals = vendor.requests.map(\.receivedAt).sorted()
            let paths = vendor.requests.map(\.path)
            #expect(paths.contains("/things/a0") && paths.contains("/things/b0"), "both processes sent")
            let start = try #require(arrivals.first)
            var perSecond: [Int: Int] = [:]
            for arrival in arrivals {
                let elapsed = arrival - start
                perSecond[Int(elapsed.components.seconds), default: 0] += 1
            }
            let windows = perSecond.keys.sorted().map { perSecond[$0] ?? 0 }
            // The first second may carry the bucket's burst (10) on top of its rate; later ones the
            // rate alone (one more for arrival jitter at a window's edge). Alone, each process
            // would have sent up to 20 a second, together 40.
            #expect(windows.count >= 4, "50 requests at 10/s after a burst of 10 take four seconds: \(windows)")
            #expect((windows.first ?? 0) <= 20, "\(windows)")
            #expect(windows.dropFirst().allSatisfy { $0 <= 11 }, "\(windows)")
            for member in members { #expect(await member.finish() == 0) }
        }

        @Test("Redis stopped mid-run: calls fail at once with `unavailable` naming the store, then recover")
        func outageAndRecovery() async throws {
            let redis = try await RedisServer.launch()
            defer { redis.kill() }
            let vendor = try Self.vendor()
            defer { vendor.stop() }
            let directory = try TemporaryDirectory()
            try directory.write(
                "metered.json",
                Self.integration(vendor, rateLimit: #"{"requests": 100, "per_seconds": 1}"#, timeoutMs: 5000))
            let member = try FleetMember(
                ["--integrations", directory.path, "--state-store", redis.url()],
                environment: ["METERED_TOKEN": "tok-metered"])
            #expect(try await member.call("metered_things_get", ["id": "before"], id: "before")["isError"] == false)

            await redis.shutdown()
            let failed = try await member.callAll(Self.calls(3, prefix: "down"), prefix: "down", timeout: .seconds(5))
            for result in failed.values {
                #expect(result.errorType == "unavailable", "\(result.encoded())")
                let message = result["structuredContent"]?["error"]?["message"]?.stringValue ?? ""
                #expect(message.contains("redis 127.0.0.1:\(redis.port)/0"), "\(message)")
                #expect(result["structuredContent"]?["error"]?["retryable"] == true)
            }
            #expect(!vendor.requests.contains { $0.path.hasPrefix("/things/down") }, "nothing reached the vendor")

            try await redis.restart()
            #expect(try await member.call("metered_things_get", ["id": "after"], id: "after")["isError"] == false)
            #expect(await member.finish() == 0)
        }
    }
}
