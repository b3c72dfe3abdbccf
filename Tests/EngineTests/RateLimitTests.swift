import Engine
import Foundation
import JSON
import TestSupport
import Testing

/// The per-integration request budget, concurrency cap, write ordering and vendor pauses
/// (DESIGN.md §5 *Rate limits*), observed at the vendor.
@Suite struct RateLimitTests {
    static let operations = #"""
        "get": {"request": "GET /v1/things/{id}", "description": "Fetch one thing of the vendor by id.",
                "parameters": {"id": {"in": "path", "type": "string", "description": "Id."}}},
        "create": {"request": "POST /v1/things", "description": "Create one thing at the vendor.",
                   "parameters": {"name": {"in": "body", "type": "string", "description": "Name."}}}
        """#

    static func harness(rateLimit: String, reply: ServerReply = .json("{}"), maxWaitMs: Int = 10000) throws
        -> EngineHarness
    {
        try EngineHarness(
            router: Router(fallback: { _ in reply }),
            settings: #"""
                "rate_limit": \#(rateLimit),
                "retry": {"max_attempts": 1, "initial_backoff_ms": 10, "max_wait_ms": \#(maxWaitMs)}
                """#,
            operations: operations)
    }

    /// Runs `count` calls of `operation` at once and returns their outcomes.
    static func concurrently(_ count: Int, _ operation: String, on harness: EngineHarness) async throws -> [ToolOutcome]
    {
        try await withThrowingTaskGroup(of: ToolOutcome.self) { group in
            for index in 0..<count {
                group.addTask {
                    try await harness.call(
                        operation, operation == "get" ? ["id": .string("\(index)")] : ["name": .string("n\(index)")])
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
    }

    /// Seconds from the first to the last request the vendor received.
    static func span(_ requests: [ReceivedRequest]) -> Double {
        guard let first = requests.map(\.receivedAt).min(), let last = requests.map(\.receivedAt).max() else {
            return 0
        }
        let parts = (last - first).components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }

    @Test("a budget of 5 requests per second spreads 15 calls over at least two seconds")
    func tokenBucket() async throws {
        let harness = try Self.harness(rateLimit: #"{"requests": 5, "per_seconds": 1}"#)
        defer { harness.stop() }
        let outcomes = try await Self.concurrently(15, "get", on: harness)
        #expect(outcomes.allSatisfy { !$0.isError })
        let requests = harness.server.requests
        #expect(requests.count == 15)
        #expect(Self.span(requests) >= 1.8, "span \(Self.span(requests)) s")
    }

    @Test("max_concurrent 2 keeps at most two requests at the vendor at once")
    func concurrencyCap() async throws {
        let harness = try Self.harness(
            rateLimit: #"{"max_concurrent": 2}"#, reply: .delayed(.milliseconds(200), .json("{}")))
        defer { harness.stop() }
        let outcomes = try await Self.concurrently(10, "get", on: harness)
        #expect(outcomes.allSatisfy { !$0.isError })
        #expect(harness.server.requests.count == 10)
        #expect(harness.server.maxConcurrentRequests <= 2)
    }

    @Test("writes to one integration never overlap, while reads do")
    func writesOneAtATime() async throws {
        let harness = try Self.harness(rateLimit: "{}", reply: .delayed(.milliseconds(150), .json("{}")))
        defer { harness.stop() }
        let writes = try await Self.concurrently(5, "create", on: harness)
        #expect(writes.allSatisfy { !$0.isError })
        #expect(harness.server.requests.count == 5)
        #expect(harness.server.maxConcurrentRequests == 1)
        #expect(Self.span(harness.server.requests) >= 0.5)
        harness.server.reset()
        let reads = try await Self.concurrently(5, "get", on: harness)
        #expect(reads.allSatisfy { !$0.isError })
        #expect(harness.server.maxConcurrentRequests > 1)
    }

    @Test("a vendor reporting no requests remaining until a reset in 1 s delays the next request")
    func vendorPause() async throws {
        let reply = ServerReply.json("{}", headers: [("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", "1")])
        let harness = try Self.harness(
            rateLimit:
                #"{"remaining_header": "x-ratelimit-remaining", "reset_header": "x-ratelimit-reset", "reset_format": "delta_seconds"}"#,
            reply: reply)
        defer { harness.stop() }
        #expect(try await !harness.call("get", ["id": "1"]).isError)
        #expect(try await !harness.call("get", ["id": "2"]).isError)
        let requests = harness.server.requests
        try #require(requests.count == 2)
        #expect(Self.span(requests) >= 0.9)
    }

    @Test("an epoch-seconds reset is honoured; one beyond max_wait_ms is rate_limited without a request")
    func vendorPauseEpoch() async throws {
        let limits =
            #"{"remaining_header": "RateLimit-Remaining", "reset_header": "RateLimit-Reset", "reset_format": "epoch_seconds"}"#
        var router = Router()
        router.on("GET", "/v1/things/{id}") { _, parameters in
            let ahead = parameters["id"] == "far" ? 600.0 : 2.0
            let reset = String(Int(Date().timeIntervalSince1970 + ahead))
            return .json("{}", headers: [("RateLimit-Remaining", "0"), ("RateLimit-Reset", reset)])
        }
        let harness = try EngineHarness(
            router: router,
            settings: #""rate_limit": \#(limits), "retry": {"max_attempts": 1, "max_wait_ms": 5000}"#,
            operations: Self.operations)
        defer { harness.stop() }
        _ = try await harness.call("get", ["id": "near"])
        _ = try await harness.call("get", ["id": "far"])
        let requests = harness.server.requests
        try #require(requests.count == 2)
        #expect(Self.span(requests) >= 0.9)
        let started = ContinuousClock.now
        let refused = try await harness.call("get", ["id": "3"])
        #expect(ContinuousClock.now - started < .seconds(8))
        #expect(refused.errorType == .rateLimited)
        #expect((refused.error?.retryAfterSeconds ?? 0) > 500)
        #expect(harness.server.requests.count == 2)
    }

    @Test("a budget wait past the call's deadline is rate_limited at once, without a request")
    func budgetPastDeadline() async throws {
        let harness = try EngineHarness(
            router: Router(fallback: { _ in .json("{}") }),
            settings: #""rate_limit": {"requests": 1, "per_seconds": 60}, "timeout_ms": 2000"#,
            operations: Self.operations)
        defer { harness.stop() }
        #expect(try await !harness.call("get", ["id": "1"]).isError)
        let started = ContinuousClock.now
        let outcome = try await harness.call("get", ["id": "2"])
        #expect(ContinuousClock.now - started < .seconds(8))
        #expect(outcome.errorType == .rateLimited)
        #expect((outcome.error?.retryAfterSeconds ?? 0) > 30)
        #expect(harness.server.requests.count == 1)
    }

    @Test("cancelling a call that waits for the budget returns promptly and sends nothing")
    func cancelWhileWaitingForBudget() async throws {
        let clock = ObservedClock()
        let harness = try EngineHarness(
            router: Router(fallback: { _ in .json("{}") }),
            settings: #""rate_limit": {"requests": 1, "per_seconds": 20}"#, clock: clock, operations: Self.operations)
        defer { harness.stop() }
        #expect(try await !harness.call("get", ["id": "1"]).isError)
        let call = Task { try await harness.call("get", ["id": "2"]) }
        #expect(await clock.waitForSleeps(1, timeout: .seconds(10)))
        let cancelled = ContinuousClock.now
        call.cancel()
        let outcome = try await call.value
        #expect(ContinuousClock.now - cancelled < .seconds(8))
        #expect(outcome.isError)
        #expect(harness.server.requests.count == 1)
    }

    @Test("a write queued behind a slow write still ends within its own timeout_ms")
    func queuedWriteTimesOut() async throws {
        var router = Router()
        router.on("POST", "/v1/things", reply: .delayed(.seconds(20), .json("{}")))
        router.on("POST", "/v1/quick", reply: .json("{}"))
        let harness = try EngineHarness(
            router: router,
            operations: #"""
                "create": {"request": "POST /v1/things", "description": "Create one thing at the vendor, slowly."},
                "quick": {"kind": "create", "request": "POST /v1/quick", "timeout_ms": 1000,
                          "description": "Create one small thing at the vendor."}
                """#)
        defer { harness.stop() }
        let slow = Task { try await harness.call("create") }
        #expect(await harness.server.waitForRequests(count: 1, timeout: .seconds(10)))
        let started = ContinuousClock.now
        let quick = try await harness.call("quick")
        #expect(ContinuousClock.now - started < .seconds(10), "the queued write waited for the slow one")
        #expect(quick.errorType == .timeout)
        #expect(harness.server.requests.count == 1)
        slow.cancel()
        _ = try await slow.value
    }

    @Test("a read waiting for a concurrency slot still ends within its own timeout_ms")
    func queuedReadTimesOut() async throws {
        var router = Router()
        router.on("GET", "/v1/things/{id}", reply: .delayed(.seconds(20), .json("{}")))
        router.on("GET", "/v1/quick", reply: .json("{}"))
        let harness = try EngineHarness(
            router: router, settings: #""rate_limit": {"max_concurrent": 1}"#,
            operations: Self.operations + #"""
                , "quick": {"kind": "get", "request": "GET /v1/quick", "timeout_ms": 1000,
                            "description": "Fetch the small status document of the vendor."}
                """#)
        defer { harness.stop() }
        let slow = Task { try await harness.call("get", ["id": "1"]) }
        #expect(await harness.server.waitForRequests(count: 1, timeout: .seconds(10)))
        let started = ContinuousClock.now
        let quick = try await harness.call("quick")
        #expect(ContinuousClock.now - started < .seconds(10), "the read waited for the slot past its deadline")
        #expect(quick.errorType == .timeout)
        #expect(harness.server.requests.count == 1)
        slow.cancel()
        _ = try await slow.value
    }
}
