/// The `retry` block: how often and how long the engine may retry one tool call.
package struct RetryConfig: Sendable, Hashable {
    /// Tries per tool call, counting the first (default 3).
    package var maxAttempts: Int
    /// Statuses that are retried (default 429, 502, 503, 504); 429 is always retried.
    package var onStatus: [Int]
    /// The first backoff cap in milliseconds (default 500); doubles each try, full jitter.
    package var initialBackoffMs: Int
    /// The largest backoff cap in milliseconds (default 8000).
    package var maxBackoffMs: Int
    /// The longest single wait the engine will take (default 20000); a longer one returns `rate_limited`.
    package var maxWaitMs: Int

    /// The defaults of DESIGN.md §4.
    package static let standard = RetryConfig(
        maxAttempts: 3, onStatus: [429, 502, 503, 504], initialBackoffMs: 500, maxBackoffMs: 8000, maxWaitMs: 20000)

    /// Creates a retry configuration.
    package init(maxAttempts: Int, onStatus: [Int], initialBackoffMs: Int, maxBackoffMs: Int, maxWaitMs: Int) {
        self.maxAttempts = maxAttempts
        self.onStatus = onStatus
        self.initialBackoffMs = initialBackoffMs
        self.maxBackoffMs = maxBackoffMs
        self.maxWaitMs = maxWaitMs
    }
}
