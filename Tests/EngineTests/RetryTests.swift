import Engine
import Foundation
import JSON
import TestSupport
import Testing

/// Retries, Retry-After, re-send safety and timeouts (DESIGN.md §5 *Retries*, *Timeouts*), on a
/// scripted vendor in virtual time: no test waits for real, and every wait is asserted exactly.
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

    typealias Reply = ScriptedTransport.Reply

    /// A vendor answering with `script`, with fast retries (3 tries, waits up to 5 s).
    static func harness(
        maxWaitMs: Int = 5000, timeoutMs: Int = 30000, clock: ManualClock = ManualClock(),
        _ script: @escaping @Sendable (ScriptedTransport.Incoming) -> Reply
    ) throws -> ScriptedHarness {
        try ScriptedHarness(
            settings: #"""
                "retry": {"max_attempts": 3, "initial_backoff_ms": 10, "max_backoff_ms": 40, "max_wait_ms": \#(maxWaitMs)},
                "timeout_ms": \#(timeoutMs)
                """#,
            clock: clock, operations: operations, script: script)
    }

    /// `replies` for the first requests, then `last` for every later one.
    static func sequence(_ replies: [Reply], then last: Reply) -> @Sendable (ScriptedTransport.Incoming) -> Reply {
        { incoming in incoming.sequence <= replies.count ? replies[incoming.sequence - 1] : last }
    }

    /// An HTTP-date (IMF-fixdate) for `date`.
    static func httpDate(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }

    @Test("429 twice then 200: three requests and a success")
    func retriesRateLimits() async throws {
        let harness = try Self.harness(
            Self.sequence([.json(429, "{}"), .json(429, "{}")], then: .json(#"{"id":"1"}"#)))
        let outcome = try await harness.call("get", ["id": "1"])
        #expect(outcome.structured == ["id": "1"])
        #expect(outcome.attempts == 3)
        #expect(harness.transport.requests.count == 3)
        // Full jitter: each backoff is within [0, min(40, 10 · 2^(try-1))] ms.
        let waits = harness.clock.waits
        #expect(waits.count == 2)
        #expect(zip(waits, [Duration.milliseconds(10), .milliseconds(20)]).allSatisfy { $0 >= .zero && $0 <= $1 })
    }

    @Test("Retry-After in seconds is honoured")
    func retryAfterSeconds() async throws {
        let harness = try Self.harness(
            Self.sequence([.json(429, "{}", headers: [("Retry-After", "1")])], then: .json("{}")))
        #expect(try await !harness.call("get", ["id": "1"]).isError)
        let requests = harness.transport.requests
        try #require(requests.count == 2)
        #expect(ScriptedHarness.gap(requests[0], requests[1]) == 1.0)
    }

    @Test("Retry-After as an HTTP-date is honoured")
    func retryAfterDate() async throws {
        let harness = try Self.harness { incoming in
            incoming.sequence == 1
                ? .json(503, "{}", headers: [("Retry-After", Self.httpDate(incoming.wallTime.addingTimeInterval(2)))])
                : .json("{}")
        }
        #expect(try await !harness.call("get", ["id": "1"]).isError)
        let requests = harness.transport.requests
        try #require(requests.count == 2)
        #expect(ScriptedHarness.gap(requests[0], requests[1]) == 2.0)
    }

    @Test("a Retry-After beyond max_wait_ms is not waited: rate_limited at once, with retry_after_seconds")
    func retryAfterTooLong() async throws {
        let reply = Reply.json(429, #"{"message":"slow down"}"#, headers: [("Retry-After", "120")])
        let harness = try Self.harness(maxWaitMs: 2000) { _ in reply }
        let outcome = try await harness.call("get", ["id": "1"])
        #expect(harness.clock.waits.isEmpty && harness.clock.elapsed == .zero)
        #expect(outcome.errorType == .rateLimited)
        #expect(outcome.errorObject?["retry_after_seconds"] == 120)
        #expect(outcome.errorObject?["retryable"] == true)
        #expect(outcome.error?.message == "slow down")
        #expect(outcome.text.contains("120"))
        #expect(harness.transport.requests.count == 1)
    }

    @Test("a 503 whose Retry-After is beyond max_wait_ms is upstream_error at once, with retry_after_seconds")
    func unavailableRetryAfterTooLong() async throws {
        let reply = Reply.json(503, #"{"message":"maintenance"}"#, headers: [("Retry-After", "300")])
        let harness = try Self.harness(maxWaitMs: 2000) { _ in reply }
        let outcome = try await harness.call("get", ["id": "1"])
        #expect(harness.clock.waits.isEmpty)
        #expect(outcome.errorType == .upstreamError)
        #expect(outcome.errorObject?["retry_after_seconds"] == 300)
        #expect(outcome.errorObject?["retryable"] == true)
        #expect(outcome.error?.message == "maintenance")
        #expect(harness.transport.requests.count == 1)
    }

    @Test("503 twice then 200 on a GET: three requests; 503 every time: upstream_error after three")
    func retriesServerErrors() async throws {
        let harness = try Self.harness(Self.sequence([.json(503, "{}"), .json(503, "{}")], then: .json("{}")))
        #expect(try await !harness.call("get", ["id": "1"]).isError)
        #expect(harness.transport.requests.count == 3)
        let failing = try Self.harness { _ in .json(503, #"{"message":"down"}"#) }
        let outcome = try await failing.call("get", ["id": "1"])
        #expect(outcome.errorType == .upstreamError)
        #expect(outcome.status == 503)
        #expect(outcome.error?.message == "down")
        #expect(failing.transport.requests.count == 3)
    }

    @Test("a reset connection on a GET is retried; reset every time is network after max_attempts")
    func resetsOnReads() async throws {
        let harness = try Self.harness(Self.sequence([.failure(.connectionLost)], then: .json(#"{"ok":true}"#)))
        #expect(try await harness.call("get", ["id": "1"]).structured == ["ok": true])
        #expect(harness.transport.requests.count == 2)
        let broken = try Self.harness { _ in .failure(.connectionLost) }
        let outcome = try await broken.call("get", ["id": "1"])
        #expect(outcome.errorType == .network)
        #expect(outcome.attempts == 3)
        #expect(broken.transport.requests.count == 3)
    }

    @Test(
        "503 is retried for reads, PUT and DELETE, never for POST create, action or PATCH",
        arguments: [
            ("get", "GET", 3), ("search", "POST", 3), ("delete", "DELETE", 3), ("update", "PUT", 3),
            ("update", "PATCH", 1), ("create", "POST", 1), ("action", "POST", 1),
        ])
    func resendSafety(kind: String, method: String, requests: Int) async throws {
        let harness = try ScriptedHarness(
            operations: #"""
                "op": {"kind": "\#(kind)", "request": "\#(method) /v1/op", "description": "One operation of this kind."}
                """#
        ) { _ in .json(503, #"{"message":"busy"}"#) }
        let outcome = try await harness.call("op")
        #expect(outcome.errorType == .upstreamError)
        #expect(harness.transport.requests.count == requests)
    }

    @Test("a POST create hit by a reset is sent exactly once; a 429 is re-sent")
    func createNotResent() async throws {
        let harness = try Self.harness { incoming in
            switch (incoming.path, incoming.sequence) {
            case ("/v1/things", _): return .failure(.connectionLost)
            case ("/v1/charges", 1): return .json(429, "{}")
            case ("/v1/charges", _): return .json(201, "{}")
            default: return .json(404, #"{"message":"no such thing"}"#)
            }
        }
        #expect(try await harness.call("get", ["id": "warm-up"]).errorType == .notFound)
        let outcome = try await harness.call("create", ["name": "x"])
        #expect(outcome.errorType == .network)
        #expect(harness.transport.requests.filter { $0.path == "/v1/things" }.count == 1)
        let limited = try await harness.call("charge", ["amount": 5])
        #expect(!limited.isError)
        #expect(harness.transport.requests.filter { $0.path == "/v1/charges" }.count == 2)
    }

    @Test("a create with an idempotency header is retried with one identical key on every try")
    func idempotencyKey() async throws {
        let harness = try Self.harness(
            Self.sequence([.json(503, "{}"), .failure(.connectionLost)], then: .json(201, #"{"id":"ch_1"}"#)))
        #expect(try await harness.call("charge", ["amount": 500]).structured == ["id": "ch_1"])
        let keys = harness.transport.requests.map { request in
            request.headers.filter { $0.name.lowercased() == "idempotency-key" }.map(\.value)
        }
        #expect(keys.count == 3)
        #expect(keys.allSatisfy { $0.count == 1 && $0 == keys[0] && !$0[0].isEmpty })
        #expect(harness.transport.requests.allSatisfy { $0.bodyText == #"{"amount":500}"# })
        _ = try await harness.call("charge", ["amount": 500])
        #expect(harness.transport.requests.last?.headers["Idempotency-Key"] != keys[0].first)
    }

    @Test("a slow vendor beyond timeout_ms is a timeout exactly at the limit")
    func timeout() async throws {
        let harness = try Self.harness { _ in .delayed(.seconds(10), .json("{}")) }
        let outcome = try await harness.call("slow")
        #expect(harness.clock.elapsed == .milliseconds(500))
        #expect(outcome.errorType == .timeout)
        #expect(outcome.errorObject?["retryable"] == true)
        #expect(harness.transport.requests.count == 1)
    }

    @Test("timeout_ms bounds the whole call, retries and waits included")
    func timeoutBoundsRetries() async throws {
        let reply = Reply.json(503, #"{"message":"busy"}"#, headers: [("Retry-After", "1")])
        let harness = try ScriptedHarness(
            settings: #""retry": {"max_attempts": 10, "max_wait_ms": 5000}, "timeout_ms": 2500"#,
            operations: Self.operations
        ) { _ in reply }
        let outcome = try await harness.call("get", ["id": "1"])
        // Tries at 0, 1 and 2 s; the next wait would end past the 2.5 s limit, so the last 503 stands.
        #expect(harness.transport.requests.map { ManualClock.seconds($0.at - harness.clock.origin) } == [0, 1, 2])
        #expect(harness.clock.elapsed == .seconds(2))
        #expect(outcome.errorType == .upstreamError)
    }

    @Test("cancelling the task during a backoff sleep ends the call at once, with nothing more sent")
    func cancellationDuringBackoff() async throws {
        let reply = Reply.json(429, "{}", headers: [("Retry-After", "30")])
        let harness = try Self.harness(maxWaitMs: 60000, timeoutMs: 60000, clock: ManualClock(mode: .manual)) { _ in
            reply
        }
        let call = Task { try await harness.call("get", ["id": "1"]) }
        #expect(await harness.clock.waitForSleepers(1, timeout: .seconds(30)))
        #expect(harness.clock.waits == [.seconds(30)])
        call.cancel()
        let outcome = try await call.value
        #expect(outcome.errorType == .cancelled)
        #expect(harness.clock.elapsed == .zero)
        #expect(harness.transport.requests.count == 1)
    }

    @Test("cancelling the task during a transfer ends the call, with nothing more sent")
    func cancellationDuringTransfer() async throws {
        let harness = try Self.harness { _ in .held(.json("{}")) }
        let call = Task { try await harness.call("get", ["id": "1"]) }
        #expect(await harness.transport.waitForHeld(1, timeout: .seconds(30)))
        call.cancel()
        let outcome = try await call.value
        #expect(outcome.errorType == .cancelled)
        #expect(harness.transport.requests.count == 1)
    }

    @Test("a 429 without Retry-After waits for the vendor's rate-limit reset header")
    func resetHeaderHint() async throws {
        let harness = try Self.harness { incoming in
            let reset = String(Int(incoming.wallTime.timeIntervalSince1970) + 2)
            return incoming.sequence == 1
                ? .json(429, "{}", headers: [("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", reset)])
                : .json("{}")
        }
        #expect(try await !harness.call("get", ["id": "1"]).isError)
        let requests = harness.transport.requests
        try #require(requests.count == 2)
        #expect(ScriptedHarness.gap(requests[0], requests[1]) == 2.0)
    }
}
