import Catalog
import Synchronization

/// The request budgets operations set for themselves (`rate_limit` on an operation: a vendor's
/// per-method limit, such as Slack's one request a minute on `conversations.history` for apps
/// outside its Marketplace), one bucket per tool and account, shared by every call in the
/// process — or by the fleet, through the state store.
package final class OperationBudgets: Sendable {
    private struct Key: Hashable {
        let integration: String
        let account: String?
        let tool: String
        let config: RateLimitConfig
    }

    private let clock: any EngineClock
    private let store: (any StateStore)?
    private let limiters = Mutex<[Key: RateLimiter]>([:])

    /// Creates the budgets; with a `store` that shares budgets, each bucket is shared through it.
    package init(clock: any EngineClock, store: (any StateStore)?) {
        self.clock = clock
        self.store = store
    }

    /// The limiter of `tool`'s own budget, or `nil` when its operation sets none. A reload that
    /// changes the budget gets a fresh bucket.
    package func limiter(for tool: Tool, in integration: Integration) -> RateLimiter? {
        guard let config = tool.operation.rateLimit, let requests = config.requests else { return nil }
        let key = Key(integration: integration.name, account: integration.account, tool: tool.name, config: config)
        if let existing = limiters.withLock({ $0[key] }) { return existing }
        // The shared bucket is named after the tool within its integration: `budget:slack/slack_…`.
        let shared = store?.sharedBudget(
            integration: integration.name + "/" + tool.name, account: integration.account, requests: requests,
            perSeconds: config.perSeconds)
        let created = RateLimiter(
            config: config, clock: clock, shared: shared, label: "\(tool.name)'s own request budget")
        return limiters.withLock { table in
            if let raced = table[key] { return raced }
            table[key] = created
            return created
        }
    }
}
