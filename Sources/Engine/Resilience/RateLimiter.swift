import Catalog
import FoundationEssentials
import Synchronization

/// The request budget of one integration, shared by every call in the process: a token bucket
/// (`requests` per `per_seconds`), a cap on requests in flight, a pause when the vendor reports
/// no requests remaining, and one-at-a-time ordering for writes.
package final class RateLimiter: Sendable {
    private struct Bucket {
        var tokens: Double
        var updated: ContinuousClock.Instant
    }

    private let config: RateLimitConfig
    private let clock: any EngineClock
    private let bucket: Mutex<Bucket>
    private let pausedUntil: Mutex<ContinuousClock.Instant?>
    private let inFlight: AsyncSemaphore?
    /// The bucket shared with other processes (`--state-store redis://…`), used instead of the local one.
    private let shared: (any SharedBudget)?
    /// What the budget is called in a refusal ("the integration's request budget").
    private let label: String
    /// Writes to this integration hold this for the whole tool call, so they never overlap.
    package let writes = AsyncSemaphore(permits: 1)

    /// Creates a limiter; with no configuration it only orders writes. With `shared`, the bucket
    /// and the vendor's pause live in the shared store; `max_concurrent` stays per process.
    /// `label` names the budget in a refusal.
    package init(
        config: RateLimitConfig?, clock: any EngineClock, shared: (any SharedBudget)? = nil,
        label: String = "the integration's request budget"
    ) {
        self.config = config ?? RateLimitConfig()
        self.label = label
        self.clock = clock
        self.shared = self.config.requests == nil ? nil : shared
        let capacity = Double(self.config.requests ?? 0)
        bucket = Mutex(Bucket(tokens: capacity, updated: clock.now()))
        pausedUntil = Mutex(nil)
        inFlight = self.config.maxConcurrent.map { AsyncSemaphore(permits: $0) }
    }

    /// Waits for a slot to send one request: the vendor's pause, the bucket, then the in-flight cap.
    ///
    /// Throws ``EngineError`` `rate_limited` when the wait would pass `deadline` or exceed
    /// `maxWait`, `timeout` when no in-flight slot frees up before `deadline`, and
    /// ``EngineError/cancelled`` when the task is cancelled while waiting.
    package func acquire(deadline: ContinuousClock.Instant, maxWait: Duration) async throws(EngineError) {
        if let until = pausedUntil.withLock({ $0 }), until > clock.now() {
            let wait = until - clock.now()
            guard wait <= maxWait, until <= deadline else {
                throw EngineError(
                    .rateLimited, "the vendor's request budget is exhausted until its reset",
                    retryAfterSeconds: Self.seconds(wait))
            }
            do {
                try await clock.sleep(until: until)
            } catch {
                throw EngineError.cancelled
            }
        }
        if let shared {
            let wait = try await shared.take(allowedWait: deadline - clock.now())
            if wait > .zero {
                do {
                    try await clock.sleep(until: clock.now() + wait)
                } catch {
                    throw EngineError.cancelled
                }
            }
        } else if let requests = config.requests {
            let rate = Double(requests) / config.perSeconds
            let now = clock.now()
            let wait = bucket.withLock { bucket -> Double in
                let elapsed = Self.seconds(now - bucket.updated)
                bucket.tokens = min(Double(requests), bucket.tokens + elapsed * rate)
                bucket.updated = now
                bucket.tokens -= 1
                return bucket.tokens >= 0 ? 0 : -bucket.tokens / rate
            }
            if wait > 0 {
                let until = now + .milliseconds(Int64((wait * 1000).rounded(.up)))
                guard until <= deadline else {
                    bucket.withLock { $0.tokens += 1 }
                    throw EngineError(
                        .rateLimited,
                        "\(label) (\(requests) per \(Self.text(config.perSeconds)) s) is used up",
                        retryAfterSeconds: wait)
                }
                do {
                    try await clock.sleep(until: until)
                } catch {
                    bucket.withLock { $0.tokens += 1 }
                    throw EngineError.cancelled
                }
            }
        }
        let slot: Bool
        do {
            slot = try await inFlight?.acquire(until: deadline, clock: clock) ?? true
        } catch {
            throw EngineError.cancelled
        }
        if !slot {
            throw EngineError(
                .timeout,
                "the call's time limit was reached while waiting for one of the integration's "
                    + "\(config.maxConcurrent ?? 0) concurrent request slots")
        }
    }

    /// Ends one request: frees its in-flight slot and reads the vendor's remaining/reset headers.
    package func release(responseHeaders: HTTPHeaders?) {
        inFlight?.release()
        guard let headers = responseHeaders else { return }
        let remainingNames = [config.remainingHeader, "x-ratelimit-remaining", "ratelimit-remaining"].compactMap { $0 }
        let resetNames = [config.resetHeader, "x-ratelimit-reset", "ratelimit-reset"].compactMap { $0 }
        guard let remainingText = remainingNames.lazy.compactMap({ headers[$0] }).first,
            let remaining = Double(remainingText.trimmingWhitespace()), remaining <= 0,
            let resetText = resetNames.lazy.compactMap({ headers[$0] }).first,
            let seconds = RetryAfter.seconds(untilReset: resetText, format: config.resetFormat, now: clock.wallTime())
        else { return }
        let until = clock.now() + .milliseconds(Int64((seconds * 1000).rounded(.up)))
        pausedUntil.withLock { current in
            if current.map({ $0 < until }) ?? true { current = until }
        }
        // Tell the other processes too; if the store is down, their own calls will say so.
        if let shared { Task { try? await shared.pause(seconds: seconds) } }
    }

    /// A window length as written in a file: `60`, not `60.0`.
    static func text(_ seconds: Double) -> String {
        seconds == seconds.rounded() && abs(seconds) < 1e15 ? String(Int64(seconds)) : String(seconds)
    }

    static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
