/// A request budget (token bucket) shared by several processes through a ``StateStore``.
package protocol SharedBudget: Sendable {
    /// Takes one request from the budget if it can be had within `allowedWait` (the pause after a
    /// vendor's learned reset included); returns how long to wait before sending, or throws
    /// `rate_limited` (nothing taken) when the wait would be longer, `unavailable` when the store
    /// cannot be reached.
    func take(allowedWait: Duration) async throws(EngineError) -> Duration

    /// Records the vendor's reset: no process takes from the budget for `seconds`.
    func pause(seconds: Double) async throws(EngineError)
}
