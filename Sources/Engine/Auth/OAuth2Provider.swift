import Catalog
import Foundation
import JSON
import Synchronization

/// OAuth 2.0 credentials obtained and refreshed by the engine, never by the model (DESIGN.md §5 *Auth*).
///
/// Access tokens are cached and refreshed before expiry (skew: the smaller of 60 s and a tenth of
/// the lifetime); concurrent calls share one refresh. For the refresh-token grant, every refresh
/// runs under a per-credential file lock and persists a rotated refresh token before the new
/// access token is used, so several processes sharing one grant never burn the token family.
public final class OAuth2Provider: AuthProvider {
    struct Token: Sendable {
        let value: String
        /// When to stop using it (expiry minus skew); `nil` when the vendor gave no lifetime.
        let refreshAt: ContinuousClock.Instant?
    }

    let config: OAuth2Config
    let integration: String
    let store: TokenStore?
    let transport: any HTTPTransport
    let clock: any EngineClock
    let registry: SecretRegistry
    let logger: Logger
    let token = Mutex<Token?>(nil)
    let refreshing = AsyncSemaphore(permits: 1)

    /// Creates a provider; `stateDirectory` is where refresh-token grants persist their tokens.
    public init(
        config: OAuth2Config, integration: String, stateDirectory: String?, transport: any HTTPTransport,
        clock: any EngineClock, secrets: SecretRegistry, logger: Logger
    ) {
        self.config = config
        self.integration = integration
        self.store = stateDirectory.map {
            TokenStore(directory: $0, integration: integration, clientID: config.clientID)
        }
        self.transport = transport
        self.clock = clock
        self.registry = secrets
        self.logger = logger
        registry.register([config.clientSecret, config.refreshToken ?? ""])
    }

    /// Adds `Authorization: Bearer <access token>`, obtaining or refreshing the token first when needed.
    public func authorize(_ request: inout HTTPRequest, deadline: ContinuousClock.Instant) async throws(EngineError) {
        let current = try await validToken(deadline: deadline, replacing: nil)
        request.headers.set(name: "Authorization", value: "Bearer \(current)")
    }

    /// Drops the token that was refused and obtains a fresh one.
    public func refreshAfterUnauthorized(deadline: ContinuousClock.Instant) async throws(EngineError) -> Bool {
        let refused = token.withLock { $0?.value }
        _ = try await validToken(deadline: deadline, replacing: refused)
        return true
    }

    /// The client secret, the refresh token and every token learned so far.
    public func secrets() -> [String] {
        [config.clientSecret, config.refreshToken ?? "", token.withLock { $0?.value } ?? ""]
            + (store?.load().map {
                [$0.refreshToken ?? "", $0.accessToken ?? ""]
            } ?? [])
    }

    /// A usable access token: the cached one unless it is due (or is `refused`), else a fresh one (one refresh at a time).
    func validToken(deadline: ContinuousClock.Instant, replacing refused: String?) async throws(EngineError) -> String {
        if let cached = usable(excluding: refused) { return cached }
        do {
            try await refreshing.acquire()
        } catch {
            throw EngineError(.network, "the call was cancelled", retryable: true)
        }
        defer { refreshing.release() }
        // Another call may have refreshed while this one waited.
        if let cached = usable(excluding: refused) { return cached }
        let fresh: Token
        switch config.grant {
        case .clientCredentials:
            fresh = try await requestToken(form: clientCredentialsForm(), deadline: deadline).token
        case .refreshToken:
            fresh = try await refreshWithLock(deadline: deadline, refused: refused)
        }
        token.withLock { $0 = fresh }
        return fresh.value
    }

    private func usable(excluding refused: String?) -> String? {
        token.withLock { current -> String? in
            guard let current, current.value != refused else { return nil }
            if let refreshAt = current.refreshAt, clock.now() >= refreshAt { return nil }
            return current.value
        }
    }

    private func clientCredentialsForm() -> [(String, String)] {
        var form = [("grant_type", "client_credentials")]
        if let scope = config.scope, !scope.isEmpty { form.append(("scope", scope)) }
        return form
    }

    /// The refresh-token grant under the cross-process lock: adopt another process's fresh token,
    /// else refresh with the stored (or newly pasted) refresh token, persist rotation, retry once
    /// on `invalid_grant` if the store changed meanwhile.
    private func refreshWithLock(deadline: ContinuousClock.Instant, refused: String?) async throws(EngineError) -> Token
    {
        guard let store else {
            return try await refresh(with: config.refreshToken ?? "", deadline: deadline).token
        }
        try store.prepare()
        let lock = try await FileLock.acquire(path: store.lockPath)
        defer { lock.release() }
        let environmentDigest = SHA256.hexDigest(Array((config.refreshToken ?? "").utf8))
        var record = store.load()
        if let stored = record, let adopted = adoptable(stored, refused: refused) { return adopted }
        var refreshToken = config.refreshToken ?? ""
        if let stored = record?.refreshToken, record?.environmentDigest == environmentDigest {
            refreshToken = stored
        }
        let outcome: (token: Token, refreshToken: String?, expiresAt: Double?)
        do {
            outcome = try await refresh(with: refreshToken, deadline: deadline)
        } catch  where error.type == .reauthRequired {
            // Another process may have rotated the token just before we locked: re-read once.
            record = store.load()
            guard let rotated = record?.refreshToken, rotated != refreshToken else { throw error }
            logger.info("\(integration): refresh token was rotated by another process; retrying with the stored one")
            outcome = try await refresh(with: rotated, deadline: deadline)
            refreshToken = rotated
        }
        let newRecord = TokenStore.Record(
            refreshToken: outcome.refreshToken ?? refreshToken, environmentDigest: environmentDigest,
            accessToken: outcome.token.value, expiresAt: outcome.expiresAt)
        // Persist a rotated refresh token before the new access token is used.
        try store.save(newRecord)
        return outcome.token
    }

    private func adoptable(_ record: TokenStore.Record, refused: String?) -> Token? {
        guard let access = record.accessToken, access != refused, access != token.withLock({ $0?.value }),
            let expiresAt = record.expiresAt
        else { return nil }
        let remaining = expiresAt - clock.wallTime().timeIntervalSince1970
        guard remaining > 1 else { return nil }
        let skew = min(60, remaining / 10)
        return Token(value: access, refreshAt: clock.now() + .milliseconds(Int64((remaining - skew) * 1000)))
    }

    private func refresh(with refreshToken: String, deadline: ContinuousClock.Instant) async throws(EngineError)
        -> (token: Token, refreshToken: String?, expiresAt: Double?)
    {
        var form = [("grant_type", "refresh_token"), ("refresh_token", refreshToken)]
        if let scope = config.scope, !scope.isEmpty { form.append(("scope", scope)) }
        return try await requestToken(form: form, deadline: deadline)
    }
}
