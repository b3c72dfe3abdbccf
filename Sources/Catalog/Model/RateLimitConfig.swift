/// The `rate_limit` block: the request budget shared by every call to one integration, or by
/// every call of one tool when an operation sets its own.
package struct RateLimitConfig: Sendable, Hashable {
    /// How the vendor's reset header is written.
    package enum ResetFormat: String, Sendable, Hashable {
        /// Unix time in seconds.
        case epochSeconds = "epoch_seconds"
        /// Seconds from now.
        case deltaSeconds = "delta_seconds"
        /// An HTTP-date.
        case httpDate = "http_date"
    }

    /// Requests allowed per ``perSeconds`` (token bucket); `nil` for no budget.
    package var requests: Int?
    /// The bucket's window in seconds.
    package var perSeconds: Double
    /// The cap on requests in flight at once; `nil` for none.
    package var maxConcurrent: Int?
    /// The vendor header that reports remaining requests (defaults recognise the common ones).
    package var remainingHeader: String?
    /// The vendor header that reports when the budget resets.
    package var resetHeader: String?
    /// How ``resetHeader`` is written.
    package var resetFormat: ResetFormat?

    /// Creates a rate-limit configuration.
    package init(
        requests: Int? = nil, perSeconds: Double = 1, maxConcurrent: Int? = nil, remainingHeader: String? = nil,
        resetHeader: String? = nil, resetFormat: ResetFormat? = nil
    ) {
        self.requests = requests
        self.perSeconds = perSeconds
        self.maxConcurrent = maxConcurrent
        self.remainingHeader = remainingHeader
        self.resetHeader = resetHeader
        self.resetFormat = resetFormat
    }
}
