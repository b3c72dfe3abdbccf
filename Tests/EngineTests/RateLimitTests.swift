import Engine
import Foundation
import JSON
import TestSupport
import Testing

/// The per-integration request budget, concurrency cap, write ordering and vendor pauses
/// (DESIGN.md §5 *Rate limits*), observed at a scripted vendor in virtual time: no test waits
/// for real, and spans are asserted exactly.
@Suite struct RateLimitTests {
    static let operations = #"""
        "get": {"request": "GET /v1/things/{id}", "description": "Fetch one thing of the vendor by id.",
                "parameters": {"id": {"in": "path", "type": "string", "description": "Id."}}},
        "create": {"request": "POST /v1/things", "description": "Create one thing at the vendor.",
                   "parameters": {"name": {"in": "body", "type": "string", "description": "Name."}}}
        """#

    typealias Reply = ScriptedTransport.Reply

    static func harness(
        rateLimit: String, reply: Reply = .json("{}"), maxWaitMs: Int = 10000, clock: ManualClock = ManualClock()
    ) throws -> ScriptedHarness {
        try ScriptedHarness(
            settings: #"""
                "rate_limit": \#(rateLimit),
                "retry": {"max_attempts": 1, "initial_backoff_ms": 10, "max_wait_ms": \#(maxWaitMs)}
                """#,
            clock: clock, operations: operations
        ) { _ in reply }
    }

    /// Runs `count` calls of `operation` at once and returns their outcomes.
    static func concurrently(_ count: Int, _ operation: String, on harness: ScriptedHarness) async throws
        -> [ToolOutcome]
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

    /// Virtual seconds from the first to the last request the vendor received.
    static func span(_ requests: [ScriptedTransport.Incoming]) -> Double {
        guard let first = requests.map(\.at).min(), let last = requests.map(\.at).max() else { return 0 }
        return ManualClock.seconds(last - first)
    }

    @Test("a budget of 5 requests per second spreads 15 calls over at least two seconds")
    func tokenBucket() async throws {
        let harness = try Self.harness(rateLimit: #"{"requests": 5, "per_seconds": 1}"#)
        let outcomes = try await Self.concurrently(15, "get", on: harness)
        #expect(outcomes.allSatisfy { !$0.isError })
        let requests = harness.transport.requests
        #expect(requests.count == 15)
        // Five at once, then one every 0.2 s: ten more need two seconds.
        #expect(Self.span(requests) >= 2.0, "span \(Self.span(requests)) s")
        // And no window of one second ever holds more than the burst plus one second's refill.
        let instants = requests.map(\.at).sorted()
        for (index, start) in instants.enumerated() {
            let window = instants[index...].prefix { $0 - start < .seconds(1) }
            #expect(window.count <= 10)
        }
    }

    @Test("max_concurrent 2 keeps exactly two requests at the vendor at once")
    func concurrencyCap() async throws {
        // Manual time: the waiting calls' deadline timers must not fire while the test holds replies.
        let harness = try Self.harness(
            rateLimit: #"{"max_concurrent": 2}"#, reply: .held(.json("{}")), clock: ManualClock(mode: .manual))
        let calls = Task { try await Self.concurrently(10, "get", on: harness) }
        for _ in 0..<5 {
            #expect(await harness.transport.waitForHeld(2, timeout: .seconds(30)))
            harness.transport.releaseHeld()
        }
        let outcomes = try await calls.value
        #expect(outcomes.allSatisfy { !$0.isError })
        #expect(harness.transport.requests.count == 10)
        #expect(harness.transport.maxInFlight == 2)
    }

    @Test("writes to one integration never overlap, while reads do")
    func writesOneAtATime() async throws {
        let harness = try Self.harness(rateLimit: "{}", reply: .held(.json("{}")), clock: ManualClock(mode: .manual))
        let writes = Task { try await Self.concurrently(5, "create", on: harness) }
        for _ in 0..<5 {
            #expect(await harness.transport.waitForHeld(1, timeout: .seconds(30)))
            harness.transport.releaseHeld()
        }
        #expect(try await writes.value.allSatisfy { !$0.isError })
        #expect(harness.transport.requests.count == 5)
        #expect(harness.transport.maxInFlight == 1)
        let reads = Task { try await Self.concurrently(5, "get", on: harness) }
        #expect(await harness.transport.waitForHeld(5, timeout: .seconds(30)))
        harness.transport.releaseHeld()
        #expect(try await reads.value.allSatisfy { !$0.isError })
        #expect(harness.transport.maxInFlight == 5)
    }

    @Test("a vendor reporting no requests remaining until a reset in 1 s delays the next request by 1 s")
    func vendorPause() async throws {
        let reply = Reply.json("{}", headers: [("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", "1")])
        let harness = try Self.harness(
            rateLimit:
                #"{"remaining_header": "x-ratelimit-remaining", "reset_header": "x-ratelimit-reset", "reset_format": "delta_seconds"}"#,
            reply: reply)
        #expect(try await !harness.call("get", ["id": "1"]).isError)
        #expect(try await !harness.call("get", ["id": "2"]).isError)
        let requests = harness.transport.requests
        try #require(requests.count == 2)
        #expect(Self.span(requests) == 1.0)
    }

    @Test("an epoch-seconds reset is honoured; one beyond max_wait_ms is rate_limited without a request")
    func vendorPauseEpoch() async throws {
        let limits =
            #"{"remaining_header": "RateLimit-Remaining", "reset_header": "RateLimit-Reset", "reset_format": "epoch_seconds"}"#
        let harness = try ScriptedHarness(
            settings: #""rate_limit": \#(limits), "retry": {"max_attempts": 1, "max_wait_ms": 5000}"#,
            operations: Self.operations
        ) { incoming in
            let ahead = incoming.path.hasSuffix("/far") ? 600.0 : 2.0
            let reset = String(Int(incoming.wallTime.timeIntervalSince1970 + ahead))
            return .json("{}", headers: [("RateLimit-Remaining", "0"), ("RateLimit-Reset", reset)])
        }
        _ = try await harness.call("get", ["id": "near"])
        _ = try await harness.call("get", ["id": "far"])
        let requests = harness.transport.requests
        try #require(requests.count == 2)
        #expect(Self.span(requests) == 2.0)
        let before = harness.clock.elapsed
        let refused = try await harness.call("get", ["id": "3"])
        #expect(harness.clock.elapsed == before)
        #expect(refused.errorType == .rateLimited)
        #expect(refused.error?.retryAfterSeconds == 600)
        #expect(harness.transport.requests.count == 2)
    }

    @Test("a budget wait past the call's deadline is rate_limited at once, without a request")
    func budgetPastDeadline() async throws {
        let harness = try ScriptedHarness(
            settings: #""rate_limit": {"requests": 1, "per_seconds": 60}, "timeout_ms": 2000"#,
            operations: Self.operations
        ) { _ in .json("{}") }
        #expect(try await !harness.call("get", ["id": "1"]).isError)
        let outcome = try await harness.call("get", ["id": "2"])
        #expect(harness.clock.waits.isEmpty)
        #expect(outcome.errorType == .rateLimited)
        #expect(outcome.error?.retryAfterSeconds == 60)
        #expect(harness.transport.requests.count == 1)
    }

    @Test("cancelling a call that waits for the budget ends it at once and sends nothing")
    func cancelWhileWaitingForBudget() async throws {
        let harness = try ScriptedHarness(
            settings: #""rate_limit": {"requests": 1, "per_seconds": 20}"#, clock: ManualClock(mode: .manual),
            operations: Self.operations
        ) { _ in .json("{}") }
        #expect(try await !harness.call("get", ["id": "1"]).isError)
        let call = Task { try await harness.call("get", ["id": "2"]) }
        #expect(await harness.clock.waitForSleepers(1, timeout: .seconds(30)))
        #expect(harness.clock.waits == [.seconds(20)])
        call.cancel()
        let outcome = try await call.value
        #expect(outcome.errorType == .cancelled)
        #expect(harness.clock.elapsed == .zero)
        #expect(harness.transport.requests.count == 1)
    }

    @Test("a write queued behind a slow write still ends at its own timeout_ms")
    func queuedWriteTimesOut() async throws {
        let harness = try ScriptedHarness(
            clock: ManualClock(mode: .manual),
            operations: #"""
                "create": {"request": "POST /v1/things", "description": "Create one thing at the vendor, slowly."},
                "quick": {"kind": "create", "request": "POST /v1/quick", "timeout_ms": 1000,
                          "description": "Create one small thing at the vendor."}
                """#
        ) { incoming in incoming.path == "/v1/things" ? .held(.json("{}")) : .json("{}") }
        let slow = Task { try await harness.call("create") }
        #expect(await harness.transport.waitForHeld(1, timeout: .seconds(30)))
        let quick = Task { try await harness.call("quick") }
        #expect(await harness.clock.waitForSleepers(1, timeout: .seconds(30)))
        harness.clock.advance(by: .seconds(1))
        let outcome = try await quick.value
        #expect(outcome.errorType == .timeout)
        #expect(harness.transport.requests.count == 1)
        slow.cancel()
        #expect(try await slow.value.errorType == .cancelled)
    }

    @Test("a read waiting for a concurrency slot still ends at its own timeout_ms")
    func queuedReadTimesOut() async throws {
        let harness = try ScriptedHarness(
            settings: #""rate_limit": {"max_concurrent": 1}"#, clock: ManualClock(mode: .manual),
            operations: Self.operations + #"""
                , "quick": {"kind": "get", "request": "GET /v1/quick", "timeout_ms": 1000,
                            "description": "Fetch the small status document of the vendor."}
                """#
        ) { incoming in incoming.path == "/v1/quick" ? .json("{}") : .held(.json("{}")) }
        let slow = Task { try await harness.call("get", ["id": "1"]) }
        #expect(await harness.transport.waitForHeld(1, timeout: .seconds(30)))
        let quick = Task { try await harness.call("quick") }
        #expect(await harness.clock.waitForSleepers(1, timeout: .seconds(30)))
        harness.clock.advance(by: .seconds(1))
        let outcome = try await quick.value
        #expect(outcome.errorType == .timeout)
        #expect(harness.transport.requests.count == 1)
        slow.cancel()
        #expect(try await slow.value.errorType == .cancelled)
    }
}
