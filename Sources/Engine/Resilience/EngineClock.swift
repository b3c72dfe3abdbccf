import FoundationEssentials

/// The seam for time: every wait the engine takes (backoff, rate limits) goes through it, so tests
/// can observe waits and a cancelled task stops waiting at once.
package protocol EngineClock: Sendable {
    /// The current monotonic instant.
    func now() -> ContinuousClock.Instant
    /// The current wall-clock time (for HTTP-dates and epoch reset headers).
    func wallTime() -> Date
    /// Waits until `deadline`; throws `CancellationError` at once when the task is cancelled.
    func sleep(until deadline: ContinuousClock.Instant) async throws(CancellationError)
}

/// The real clock: `ContinuousClock` and `Task.sleep`.
package struct SystemClock: EngineClock {
    /// Creates the system clock.
    package init() {}

    /// The current monotonic instant.
    package func now() -> ContinuousClock.Instant { ContinuousClock.now }

    /// The current wall-clock time.
    package func wallTime() -> Date { Date() }

    /// Sleeps on the continuous clock; cancellable.
    package func sleep(until deadline: ContinuousClock.Instant) async throws(CancellationError) {
        do {
            try await Task.sleep(until: deadline, clock: .continuous)
        } catch {
            // Task.sleep throws nothing but cancellation.
            throw CancellationError()
        }
    }
}
