import Catalog

/// The running state of one tool call: its deadline, its idempotency key and how many requests it sent.
package struct CallState: Sendable {
    /// The tool being called.
    package let tool: Tool
    /// When the whole call must be over (`timeout_ms` from its start).
    package let deadline: ContinuousClock.Instant
    /// The one key sent with every try of this call, when the operation has an idempotency header.
    package let idempotencyKey: String?
    /// The caller's trace, continued on every vendor request of the call (W3C Trace Context).
    package let trace: TraceContext?
    /// HTTP requests sent so far (every try of every page).
    package var attempts = 0
    /// Response body bytes received so far (every page).
    package var receivedBytes = 0
    /// The tool's own request budget (an operation's `rate_limit`), taken for every request.
    package var operationBudget: RateLimiter?
    /// Why the tool's own budget refused the last request, before anything was sent: lets a walk
    /// stop with the pages it has instead of failing.
    package var operationBudgetRefusal: EngineError?

    /// Creates the state of a call starting now.
    package init(tool: Tool, deadline: ContinuousClock.Instant, idempotencyKey: String?, trace: TraceContext? = nil) {
        self.tool = tool
        self.deadline = deadline
        self.idempotencyKey = idempotencyKey
        self.trace = trace
    }

    /// Whether a request that may have reached the server can be sent again (DESIGN.md §5 *Retries*).
    package var mayResend: Bool {
        if idempotencyKey != nil { return true }
        switch tool.kind {
        case .list, .get, .search, .delete: return true
        case .update: return tool.operation.method == "PUT"
        case .create, .action: return false
        }
    }
}
