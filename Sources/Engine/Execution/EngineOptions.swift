import JSON
import SystemIO

/// Process-wide settings of the engine.
package struct EngineOptions: Sendable {
    /// The budget of one tool result's text in bytes (`--max-output-bytes`, default 50 000).
    package var maxOutputBytes: Int
    /// Refuse writes (`--read-only`); such tools are normally not exposed at all.
    package var readOnly: Bool
    /// The `User-Agent` header.
    package var userAgent: String
    /// Where logs go.
    package var logger: Logger
    /// Seals and opens list cursors (the installation's key in production; a random one by default).
    package var cursorSealer: TokenSealer
    /// Where rate budgets are shared with other processes (`--state-store redis://…`); `nil` keeps
    /// them in this process.
    package var stateStore: (any StateStore)?

    /// Creates options.
    package init(
        maxOutputBytes: Int = 50_000, readOnly: Bool = false, userAgent: String = "switchyard",
        logger: Logger = Logger(), cursorSealer: TokenSealer = TokenSealer(key: TokenSealer.randomKey())
    ) {
        self.cursorSealer = cursorSealer
        self.maxOutputBytes = maxOutputBytes
        self.readOnly = readOnly
        self.userAgent = userAgent
        self.logger = logger
    }
}
