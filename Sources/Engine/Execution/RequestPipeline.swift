import Catalog
import FoundationEssentials
import SystemIO

/// Sends one logical request of a tool call: waits for the rate budget, adds credentials (own
/// origin only), follows same-origin redirects, refreshes once on 401, and retries by the rules of
/// DESIGN.md §5 — returning the final response or a typed error.
struct RequestPipeline: Sendable {
    let transport: any HTTPTransport
    let clock: any EngineClock
    let logger: Logger
    static let maxRedirects = 5

    func send(_ original: HTTPRequest, runtime: IntegrationRuntime, call: inout CallState) async throws(EngineError)
        -> HTTPResponse
    {
        let retry = call.tool.operation.retry
        var triesOfThisRequest = 0
        var refreshed = false
        while true {
            triesOfThisRequest += 1
            let outcome = try await sendFollowingRedirects(original, runtime: runtime, call: &call)
            let canRetry = triesOfThisRequest < retry.maxAttempts
            switch outcome {
            case .failure(let error):
                var failure = Self.engineError(for: error)
                // Garbage may be a vendor's passing fault; re-reading is harmless, re-writing is not.
                if error.kind == .invalidResponse { failure.retryable = call.tool.kind.isRead }
                // A connect failure never reached the server; anything else may have.
                let safe = error.kind == .connectFailed || (call.mayResend && error.kind == .connectionLost)
                guard canRetry, safe, error.kind != .cancelled else { throw failure }
                try await backoff(
                    attempt: triesOfThisRequest, hint: nil, retry: retry, call: call, reason: failure.message)
            case .success(let response):
                if response.status == 401, !refreshed {
                    refreshed = true
                    if try await runtime.auth.refreshAfterUnauthorized(deadline: call.deadline) {
                        logger.debug("\(call.tool.name): 401, credentials refreshed, replaying once")
                        triesOfThisRequest -= 1
                        continue
                    }
                }
                let isRateLimited = response.status == 429
                let retriable = isRateLimited || (retry.onStatus.contains(response.status) && call.mayResend)
                guard retriable else { return response }
                let hint =
                    RetryAfter.seconds(from: response.headers, now: clock.wallTime())
                    ?? (isRateLimited ? resetHint(response.headers, runtime: runtime) : nil)
                guard canRetry else {
                    if isRateLimited { throw rateLimited(by: response, after: hint, call: call, runtime: runtime) }
                    return response
                }
                do {
                    try await backoff(
                        attempt: triesOfThisRequest, hint: hint, retry: retry, call: call,
                        reason: "HTTP \(response.status)")
                } catch  where error.type == .rateLimited {
                    guard isRateLimited else { return response }
                    throw rateLimited(by: response, after: error.retryAfterSeconds, call: call, runtime: runtime)
                }
            }
        }
    }

    /// Sleeps before the next try: the vendor's hint when given, else exponential backoff with full jitter.
    private func backoff(attempt: Int, hint: Double?, retry: RetryConfig, call: CallState, reason: String)
        async throws(EngineError)
    {
        let seconds: Double
        if let hint {
            seconds = hint
        } else {
            let cap = min(Double(retry.maxBackoffMs), Double(retry.initialBackoffMs) * Self.powerOfTwo(attempt - 1))
            seconds = Double.random(in: 0...max(0, cap)) / 1000
        }
        let wait = Duration.milliseconds(Int64((seconds * 1000).rounded(.up)))
        let until = clock.now() + wait
        guard seconds * 1000 <= Double(retry.maxWaitMs), until < call.deadline else {
            throw rateLimited(after: seconds, attempts: attempt)
        }
        logger.debug(
            "\(call.tool.name): try \(attempt) failed (\(reason)); waiting \(seconds.fixedPoint(fractionDigits: 3)) s")
        do {
            try await clock.sleep(until: until)
        } catch {
            throw .cancelled
        }
    }

    private func rateLimited(after seconds: Double?, attempts: Int) -> EngineError {
        let wait = seconds.map { " (the vendor asks to wait \(Int($0.rounded(.up))) s)" } ?? ""
        return EngineError(
            .rateLimited, "the vendor is rate limiting this integration\(wait); try again later",
            status: 429, retryable: true, retryAfterSeconds: seconds)
    }

    /// The `rate_limited` error for a vendor's final 429: its own message and body (trimmed,
    /// redacted) when it sent one, so `vendor` is present whenever the vendor sent a body.
    private func rateLimited(
        by response: HTTPResponse, after seconds: Double?, call: CallState, runtime: IntegrationRuntime
    ) -> EngineError {
        guard !response.body.isEmpty else { return rateLimited(after: seconds, attempts: 0) }
        let interpreter = ResponseInterpreter(errors: call.tool.operation.errors, redactor: runtime.redactor())
        return interpreter.failure(response, retryAfter: seconds)
    }

    private func resetHint(_ headers: HTTPHeaders, runtime: IntegrationRuntime) -> Double? {
        let config = runtime.integration.rateLimit
        let names = [config?.resetHeader, "x-ratelimit-reset", "ratelimit-reset"].compactMap { $0 }
        guard let text = names.lazy.compactMap({ headers[$0] }).first else { return nil }
        return RetryAfter.seconds(untilReset: text, format: config?.resetFormat, now: clock.wallTime())
    }

    /// One try: rate budget, credentials, transport, and same-origin redirects. What the transport
    /// reports (including the call's time running out before a request) is the result, for the
    /// retry rules to judge; what ends the call at once (an origin refused, credentials, the rate
    /// budget, cancellation) is thrown.
    private func sendFollowingRedirects(
        _ original: HTTPRequest, runtime: IntegrationRuntime, call: inout CallState
    ) async throws(EngineError) -> Result<HTTPResponse, TransportError> {
        var request = original
        if let key = call.idempotencyKey, let header = call.tool.operation.idempotencyHeader {
            request.headers.set(name: header, value: key)
        }
        for _ in 0...Self.maxRedirects {
            let remaining = call.deadline - clock.now()
            guard remaining > .zero else {
                return .failure(TransportError(.timeout, "the call's time limit was reached"))
            }
            var outgoing = request
            guard let origin = URLOrigin(outgoing.url), origin == runtime.origin else {
                throw EngineError(
                    .upstreamError,
                    "refused to send a request to another origin (\(URLOrigin(outgoing.url)?.description ?? outgoing.url))"
                )
            }
            // Trace headers go out only here, after the origin check: never to another origin.
            if let trace = call.trace {
                outgoing.headers.set(name: "traceparent", value: trace.traceparent(span: TraceContext.newSpanID()))
                if let state = trace.tracestate { outgoing.headers.set(name: "tracestate", value: state) }
            }
            // The budget first, credentials second: a token taken before a long wait for the budget
            // (a shared one may take seconds) could expire in the queue and earn a needless 401.
            // The tool's own budget before the integration's: a refusal there takes nothing from it.
            if let budget = call.operationBudget {
                do throws(EngineError) {
                    try await budget.acquire(
                        deadline: call.deadline, maxWait: .milliseconds(call.tool.operation.retry.maxWaitMs))
                } catch {
                    if error.type == .rateLimited { call.operationBudgetRefusal = error }
                    throw error
                }
            }
            try await runtime.limiter.acquire(
                deadline: call.deadline, maxWait: .milliseconds(call.tool.operation.retry.maxWaitMs))
            do {
                try await runtime.auth.authorize(&outgoing, deadline: call.deadline)
            } catch {
                runtime.limiter.release(responseHeaders: nil)
                throw error
            }
            outgoing.account = runtime.integration.account
            outgoing.timeout = max(.milliseconds(1), call.deadline - clock.now())
            outgoing.requiresFreshConnection = !call.mayResend
            call.attempts += 1
            let response: HTTPResponse
            do {
                response = try await transport.send(outgoing)
            } catch {
                runtime.limiter.release(responseHeaders: nil)
                return .failure(error)
            }
            runtime.limiter.release(responseHeaders: response.headers)
            call.receivedBytes += response.body.count
            guard [301, 302, 303, 307, 308].contains(response.status), let location = response.headers["Location"]
            else {
                return .success(response)
            }
            let target = URLOrigin.resolve(location, against: request.url)
            guard URLOrigin(target) == runtime.origin else {
                throw EngineError(
                    .upstreamError,
                    "the vendor redirected to another origin (\(URLOrigin(target)?.description ?? target)); not followed",
                    status: response.status)
            }
            logger.debug("\(call.tool.name): following \(response.status) redirect on the same origin")
            request.url = target
            if response.status == 303 || ([301, 302].contains(response.status) && request.method != "GET") {
                request.method = "GET"
                request.body = nil
                request.headers.remove(name: "Content-Type")
            }
        }
        throw EngineError(.upstreamError, "too many redirects (more than \(Self.maxRedirects))")
    }

    /// 2 to the power `exponent` (0 or more), exactly: doubling, saturating at infinity.
    static func powerOfTwo(_ exponent: Int) -> Double {
        Double(sign: .plus, exponent: max(0, min(exponent, 1100)), significand: 1)
    }

    static func engineError(for error: TransportError) -> EngineError {
        switch error.kind {
        case .timeout: return EngineError(.timeout, "the vendor did not answer in time (\(error.message))")
        case .connectFailed: return EngineError(.network, "could not connect to the vendor (\(error.message))")
        case .connectionLost: return EngineError(.network, "the connection to the vendor broke (\(error.message))")
        case .tooLarge: return EngineError(.tooLarge, "the vendor's response is larger than Switchyard accepts")
        case .cancelled: return EngineError.cancelled
        case .invalidRequest:
            return EngineError(
                .upstreamError, "the request could not be sent (\(error.message)); check the integration file",
                retryable: false)
        case .invalidResponse:
            return EngineError(.invalidResponse, "the vendor sent a malformed HTTP response (\(error.message))")
        case .replayMiss: return EngineError(.replayMiss, error.message, retryable: false)
        case .other: return EngineError(.network, error.message)
        }
    }
}
