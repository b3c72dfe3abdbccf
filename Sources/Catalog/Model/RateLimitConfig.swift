/// The `rate_limit` block: the request budget shared by every call to one integration.
public struct RateLimitConfig: Sendable, Hashable {
    /// How the vendor's reset header is written.
    public enum ResetFormat: String, Sendable, Hashable {
        /// Unix time in seconds.
        case epochSeconds = "epoch_seconds"
        /// Seconds from now.
        case deltaSeconds = "delta_seconds"
        /// An HTTP-date.
        case httpDate = "http_date"
    }

    /// Requests allowed per ``perSeconds`` (token bucket); `nil` for no budget.
    public var requests: Int?
    /// The bucket's window in seconds.
    public var perSeconds: Double
    /// The cap on requests in flight at once; `nil` for none.
    public var maxConcurrent: Int?
    /// The vendor header that reports remaining requests (defaults recognise the common ones).
    public var remainingHeader: String?
    /// The vendor header that reports when the budget resets.
    public var resetHeader: String?
    /// How ``resetHeader`` is written.
    public var resetFormat: ResetFormat?

    /// Creates a rate-limit configuration.
    public init(
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
