import FoundationEssentials
import JSON

/// What the server says about itself and how it pages and caches, fixed for a run.
package struct ServerConfiguration: Sendable {
    /// `serverInfo.name` (legacy) and `_meta["io.modelcontextprotocol/serverInfo"].name` (modern).
    package var name: String
    /// `serverInfo.title`, sent from revision 2025-06-18 on.
    package var title: String?
    /// `serverInfo.version`.
    package var version: String
    /// Guidance for the model, sent in `initialize` and `server/discover` results when set.
    package var instructions: String?
    /// How many tools one `tools/list` page holds (at least 1; default 500).
    package var pageSize: Int
    /// The modern `ttlMs` of `tools/list` and `server/discover` results: how long a client may
    /// cache them, in milliseconds (default 5000). Short, because integration files are
    /// reloaded live and modern clients get no `list_changed` notification on stdio.
    package var listTTLMilliseconds: Int
    /// Seals the `tools/list` cursor and the 2026-07-28 `requestState` of confirmations (the
    /// installation's cursor key in production; by default 32 random bytes of this process).
    package var sealer: TokenSealer
    /// How long a confirmation's `requestState` is valid (default 10 minutes).
    package var requestStateLifetime: Duration = .seconds(600)
    /// How long a legacy-era `elicitation/create` waits for the person before it is withdrawn
    /// and the call declined (default 10 minutes).
    package var confirmationTimeout: Duration = .seconds(600)
    /// The wall clock request state expiry is measured by (a seam for tests).
    package var now: @Sendable () -> Date = { Date() }

    /// Creates a configuration.
    package init(
        name: String = "switchyard", title: String? = "Switchyard", version: String = "0.0.0",
        instructions: String? = nil, pageSize: Int = 500, listTTLMilliseconds: Int = 5000,
        sealer: TokenSealer = TokenSealer(key: TokenSealer.randomKey())
    ) {
        self.sealer = sealer
        self.name = name
        self.title = title
        self.version = version
        self.instructions = instructions
        self.pageSize = max(1, pageSize)
        self.listTTLMilliseconds = max(0, listTTLMilliseconds)
    }
}
