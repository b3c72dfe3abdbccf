import Engine
import Foundation
import JSON
import TestSupport
import Testing

/// Retries, Retry-After, re-send safety and timeouts (DESIGN.md §5 *Retries*, *Timeouts*).
@Suite struct RetryTests {
    static let operations = #"""
        "get": {"request": "GET /v1/things/{id}", "description": "Fetch one thing of the vendor by id.",
                "parameters": {"id": {"in": "path", "type": "string", "description": "Id."}}},
        "create": {"request": "POST /v1/things", "description": "Create one thing at the vendor.",
                   "parameters": {"name": {"in": "body", "type": "string", "description": "Name."}}},
        "charge": {"kind": "create", "request": "POST /v1/charges", "description": "Charge a card once, safely.",
                   "idempotency": {"header": "Idempotency-Key"},
                   "parameters": {"amount": {"in": "body", "type": "integer", "description": "Cents."}}},
        "slow": {"kind": "get", "request": "GET /v1/slow", "description": "Fetch the slow report of the vendor.",
                 "timeout_ms": 500}
        """#

    /// A vendor whose routes `install` adds, with fast retries (3 tries, waits up to 5 s).
    static func harness(
        maxWaitMs: Int = 5000, timeoutMs: Int = 30000, clock: any EngineClock = SystemClock(),
        _ install: (inout Router) -> Void
    ) throws -> EngineHarness {
        var router = Router()
        install(&router)
        return try EngineHarness(
            router: router,
            settings: #"""
                "retry": {"max_attempts": 3, "initial_backoff_ms": 10, "max_backoff_ms": 40, "max_wait_ms": \#(maxWaitMs)},
                "timeout_ms": \#(timeoutMs)
                """#,
            clock: clock, operations: operations)
    }

    /// Seconds between the arrival of two requests.
    static func gap(_ first: ReceivedRequest, _ second: ReceivedRequest) -> Double {
        let parts = (second.receivedAt - first.receivedAt).components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }

    @Test("429 twice then 200: three requests and a success")
    func retriesRateLimits() async throws {
        let script = ReplySequence([.json(429, "{}"), .json(429, "{}")], then: .json(#"{"id":"1"}"#))
        let harness = try Self.harness { $0.on("GET", "/v1/things/{id}", sequence: script) }
        defer { harness.stop() }
        let outcome = try await harness.call("get", ["id": "1"])
        #expect(outcome.structured == ["id": "1"])
        #expect(outcome.attempts == 3)
        #expect(harness.server.requests.count == 3)
    }

    @Test("Retry-After in seconds is honoured")
    func retryAfterSeconds() async throws {
        let script = ReplySequence([.json(429, "{}", headers: [("Retry-After", "1")])], then: .json("{}"))
        let harness = try Self.harness { $0.on("GET", "/v1/things/{id}", sequence: script) }
        defer { harness.stop() }
        #expect(try await !harness.call("get", ["id": "1"]).isError)
        let requests = harness.server.requests
        try #require(requests.count == 2)
        #expect(Self.gap(requests[0], requests[1]) >= 0.9)
    }

    @Test("Retry-After as an HTTP-date is honoured")
    func retryAfterDate() async throws {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        let harness = try Self.harness { router in
            router.on("GET", "/v1/things/{id}") { request, _ in
                // The date has whole seconds: two seconds ahead is a wait of one to two seconds.
                request.sequence == 1
                    ? .json(503, "{}", headers: [("Retry-After", formatter.string(from: Date().addingTimeInterval(2)))])
                    : .json("{}")
            }
        }
        defer { harness.stop() }
        #expect(try await !harness.call("get", ["id": "1"]).isError)
        let requests = harness.server.requests
        try #require(requests.count == 2)
        #expect(Self.gap(requests[0], requests[1]) >= 0.9)
    }

    @Test("a Retry-After beyond max_wait_ms is not waited: rate_limited at once, with retry_after_seconds")
    func retryAfterTooLong() async throws {
        let reply = ServerReply.json(429, #"{"message":"slow down"}"#, headers: [("Retry-After", "120")])
        let harness = try Self.harness(maxWaitMs: 2000) { $0.on("GET", "/v1/things/{id}", reply: reply) }
        defer { harness.stop() }
        let started = ContinuousClock.now
        let outcome = try await harness.call("get", ["id": "1"])
        #expect(ContinuousClock.now - started < .seconds(8))
        #expect(outcome.errorType == .rateLimited)
        #expect(outcome.errorObject?["retry_after_seconds"] == 120)
        #expect(outcome.errorObject?["retryable"] == true)
        #expect(outcome.error?.message == "slow down")
        #expect(outcome.text.contains("120"))
        #expect(harness.server.requests.count == 1)
    }

    @Test("a 503 whose Retry-After is beyond max_wait_ms is upstream_error at once, with retry_after_seconds")
    func unavailableRetryAfterTooLong() async throws {
        let reply = ServerReply.json(503, #"{"message":"maintenance"}"#, headers: [("Retry-After", "300")])
        let harness = try Self.harness(maxWaitMs: 2000) { $0.on("GET", "/v1/things/{id}", reply: reply) }
        defer { harness.stop() }
        let outcome = try await harness.call("get", ["id": "1"])
        #expect(outcome.errorType == .upstreamError)
        #expect(outcome.errorObject?["retry_after_seconds"] == 300)
        #expect(outcome.errorObject?["retryable"] == true)
        #expect(outcome.error?.message == "maintenance")
        #expect(harness.server.requests.count == 1)
    }

    @Test("503 twice then 200 on a GET: three requests; 503 every time: upstream_error after three")
    func retriesServerErrors() async throws {
        let script = ReplySequence([.json(503, "{}"), .json(503, "{}")], then: .json("{}"))
        let harness = try Self.harness { router in
            router.on("GET", "/v1/things/{id}", sequence: script)
            router.on("GET", "/v1/always", reply: .json(503, #"{"message":"down"}"#))
        }
        defer { harness.stop() }
        #expect(try await !harness.call("get", ["id": "1"]).isError)
        #expect(harness.server.requests.count == 3)
        let failing = try Self.harness { $0.on("GET", "/v1/things/{id}", reply: .json(503, #"{"message":"down"}"#)) }
        defer { failing.stop() }
        let outcome = try await failing.call("get", ["id": "1"])
        #expect(outcome.errorType == .upstreamError)
        #expect(outcome.status == 503)
        #expect(outcome.error?.message == "down")
        #expect(failing.server.requests.count == 3)
    }

    @Test("a reset connection on a GET is retried; reset every time is network after max_attempts")
    func resetsOnReads() async throws {
        let script = ReplySequence([.reset], then: .json(#"{"ok":true}"#))
        let harness = try Self.harness { $0.on("GET", "/v1/things/{id}", sequence: script) }
        defer { harness.stop() }
        #expect(try await harness.call("get", ["id": "1"]).structured == ["ok": true])
        #expect(harness.server.requests.count == 2)
        let broken = try Self.harness { $0.on("GET", "/v1/things/{id}", reply: .reset) }
        defer { broken.stop() }
        let outcome = try await broken.call("get", ["id": "1"])
        #expect(outcome.errorType == .network)
        #expect(outcome.attempts == 3)
        #expect(broken.server.requests.count == 3)
    }

    @Test(
        "503 is retried for reads, PUT and DELETE, never for POST create, action or PATCH",
        arguments: [
            ("get", "GET", 3), ("search", "POST", 3), ("delete", "DELETE", 3), ("update", "PUT", 3),
            ("update", "PATCH", 1), ("create", "POST", 1), ("action", "POST", 1),
        ])
    func resendSafety(kind: String, method: String, requests: Int) async throws {
        let harness = try EngineHarness(
            router: Router(fallback: { _ in .json(503, #"{"message":"busy"}"#) }),
            operations: #"""
                "op": {"kind": "\#(kind)", "request": "\#(method) /v1/op", "description": "One operation of this kind."}
                """#)
        defer { harness.stop() }
        let outcome = try await harness.call("op")
        #expect(outcome.errorType == .upstreamError)
        #expect(harness.server.requests.count == requests)
    }

    @Test("a POST create hit by a reset is sent exactly once; a 429 is re-sent")
    func createNotResent() async throws {
        let harness = try Self.harness { router in
            router.on("POST", "/v1/things", reply: .reset)
            router.on("POST", "/v1/charges", sequence: ReplySequence([.json(429, "{}")], then: .json(201, "{}")))
        }
        defer { harness.stop() }
        #expect(try await harness.call("get", ["id": "warm-up"]).errorType == .notFound)
        let outcome = try await harness.call("create", ["name": "x"])
        #expect(outcome.errorType == .network)
        #expect(harness.server.requests.filter { $0.path == "/v1/things" }.count == 1)
        let limited = try await harness.call("charge", ["amount": 5])
        #expect(!limited.isError)
        #expect(harness.server.requests.filter { $0.path == "/v1/charges" }.count == 2)
    }

    @Test("a create with an idempotency header is retried with one identical key on every try")
    func idempotencyKey() async throws {
        let script = ReplySequence([.json(503, "{}"), .reset], then: .json(201, #"{"id":"ch_1"}"#))
        let harness = try Self.harness { $0.on("POST", "/v1/charges", sequence: script) }
        defer { harness.stop() }
        #expect(try await harness.call("charge", ["amount": 500]).structured == ["id": "ch_1"])
        let keys = harness.server.requests.map { $0.headerValues("Idempotency-Key") }
        #expect(keys.count == 3)
        #expect(keys.allSatisfy { $0.count == 1 && $0 == keys[0] && !$0[0].isEmpty })
        #expect(harness.server.requests.allSatisfy { $0.bodyText == #"{"amount":500}"# })
        _ = try await harness.call("charge", ["amount": 500])
        #expect(harness.server.requests.last?.header("Idempotency-Key") != keys[0].first)
    }

    @Test("a slow vendor beyond timeout_ms is a prompt timeout")
    func timeout() async throws {
        let harness = try Self.harness { $0.on("GET", "/v1/slow", reply: .delayed(.seconds(10), .json("{}"))) }
        defer { harness.stop() }
        let started = ContinuousClock.now
        let outcome = try await harness.call("slow")
        #expect(ContinuousClock.now - started < .seconds(8))
        #expect(outcome.errorType == .timeout)
        #expect(outcome.errorObject?["retryable"] == true)
        #expect(harness.server.requests.count == 1)
    }

    @Test("timeout_ms bounds the whole call, retries and waits included")
    func timeoutBoundsRetries() async throws {
        let reply = ServerReply.json(503, #"{"message":"busy"}"#, headers: [("Retry-After", "1")])
        let harness = try EngineHarness(
            router: Router(fallback: { _ in reply }),
            settings: #""retry": {"max_attempts": 10, "max_wait_ms": 5000}, "timeout_ms": 2500"#,
            operations: Self.operations)
        defer { harness.stop() }
        let started = ContinuousClock.now
        let outcome = try await harness.call("get", ["id": "1"])
        // Ten tries a second apart would take nine seconds: the 2.5 s limit cuts them short.
        #expect(ContinuousClock.now - started < .seconds(7))
        // The last 503 when the next wait would pass the deadline, or the deadline itself mid-transfer.
        #expect(outcome.errorType == .upstreamError || outcome.errorType == .timeout)
        #expect((1...3).contains(harness.server.requests.count))
    }

    @Test("cancelling the task during a backoff sleep returns promptly")
    func cancellationDuringBackoff() async throws {
        let clock = ObservedClock()
        let reply = ServerReply.json(429, "{}", headers: [("Retry-After", "30")])
        let harness = try Self.harness(maxWaitMs: 60000, timeoutMs: 60000, clock: clock) {
            $0.on("GET", "/v1/things/{id}", reply: reply)
        }
        defer { harness.stop() }
        let call = Task { try await harness.call("get", ["id": "1"]) }
        #expect(await clock.waitForSleeps(1, timeout: .seconds(10)))
        let cancelled = ContinuousClock.now
        call.cancel()
        let outcome = try await call.value
        #expect(ContinuousClock.now - cancelled < .seconds(15))
        #expect(outcome.isError)
        #expect(harness.server.requests.count == 1)
    }

    @Test("cancelling the task during a transfer aborts it promptly")
    func cancellationDuringTransfer() async throws {
        let harness = try Self.harness { $0.on("GET", "/v1/things/{id}", reply: .delayed(.seconds(20), .json("{}"))) }
        defer { harness.stop() }
        let call = Task { try await harness.call("get", ["id": "1"]) }
        #expect(await harness.server.waitForRequests(count: 1, timeout: .seconds(10)))
        let cancelled = ContinuousClock.now
        call.cancel()
        let outcome = try await call.value
        #expect(ContinuousClock.now - cancelled < .seconds(12))
        #expect(outcome.isError)
        #expect(harness.server.requests.count == 1)
    }

    @Test("a 429 without Retry-After waits for the vendor's rate-limit reset header")
    func resetHeaderHint() async throws {
        let harness = try Self.harness { router in
            router.on("GET", "/v1/things/{id}") { request, _ in
                let reset = String(Int(Date().timeIntervalSince1970) + 2)
                return request.sequence == 1
                    ? .json(429, "{}", headers: [("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", reset)])
                    : .json("{}")
            }
        }
        defer { harness.stop() }
        #expect(try await !harness.call("get", ["id": "1"]).isError)
        let requests = harness.server.requests
        try #require(requests.count == 2)
        #expect(Self.gap(requests[0], requests[1]) >= 0.9)
    }
}
