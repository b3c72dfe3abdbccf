import Engine
import Synchronization

/// An auth provider whose bearer token changes on every refresh (`token-1`, `token-2`, …), like an
/// OAuth2 provider, counting refreshes; `refreshes` false makes it refuse to refresh.
final class RotatingAuthProvider: AuthProvider {
    private let generation = Mutex(1)
    private let canRefresh: Bool

    /// Creates a provider starting at `token-1`.
    init(refreshes: Bool = true) {
        canRefresh = refreshes
    }

    /// How many times the engine asked for a refresh.
    var refreshCount: Int { generation.withLock { $0 } - 1 }

    /// Adds `Authorization: Bearer token-N`.
    func authorize(_ request: inout HTTPRequest, deadline: ContinuousClock.Instant) async throws(EngineError) {
        let current = generation.withLock { $0 }
        request.headers.set(name: "Authorization", value: "Bearer token-\(current)")
    }

    /// Moves to the next token.
    func refreshAfterUnauthorized(deadline: ContinuousClock.Instant) async throws(EngineError) -> Bool {
        generation.withLock { $0 += 1 }
        return canRefresh
    }

    /// The tokens handed out so far.
    func secrets() -> [String] {
        (1...generation.withLock { $0 }).map { "token-\($0)" }
    }
}
