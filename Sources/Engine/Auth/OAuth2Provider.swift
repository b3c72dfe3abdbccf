import Catalog
import FoundationEssentials
import JSON
import Synchronization
import SystemIO

/// OAuth 2.0 credentials obtained and refreshed by the engine, never by the model (DESIGN.md §5 *Auth*).
///
/// Access tokens are cached and refreshed before expiry (skew: the smaller of 60 s and a tenth of
/// the lifetime); concurrent calls share one refresh. For the refresh-token grant, every refresh
/// runs under a per-credential file lock and persists a rotated refresh token before the new
/// access token is used, so several processes sharing one grant never burn the token family.
package final class OAuth2Provider: AuthProvider {
    struct Token: Sendable {
        let value: String
        /// When to stop using it (expiry minus skew); `nil` when the vendor gave no lifetime.
        let refreshAt: ContinuousClock.Instant?
    }

    let config: OAuth2Config
    let integration: String
    /// Where refresh-token grants keep their tokens and take their refresh lock (`nil`: memory only).
    let state: (any StateStore)?
    /// This credential's name in the store: integration, account, client id.
    let credential: CredentialID
    let transport: any HTTPTransport
    let clock: any EngineClock
    let registry: SecretRegistry
    let logger: Logger
    let token = Mutex<Token?>(nil)
    /// The latest refresh token the vendor issued when it is not in the store: there is no state
    /// directory, or the store could not be written. It is the only live one; losing it burns the grant.
    let rotatedRefreshToken = Mutex<String?>(nil)
    /// Every token learned at run time (issued to this process or read from the store), for redaction.
    let learned = Mutex<Set<String>>([])
    let refreshing = AsyncSemaphore(permits: 1)

    /// Creates a provider; `stateDirectory` is where refresh-token grants persist their tokens.
    package convenience init(
        config: OAuth2Config, integration: String, stateDirectory: String?, transport: any HTTPTransport,
        clock: any EngineClock, secrets: SecretRegistry, logger: Logger
    ) {
        self.init(
            config: config, integration: integration, account: nil,
            state: stateDirectory.map { FileStateStore(directory: $0) }, transport: transport, clock: clock,
            secrets: secrets, logger: logger)
    }

    /// Creates a provider for one account of an integration; `state` is where refresh-token
    /// grants persist their tokens and take their refresh lock (the state directory or Redis).
    package init(
        config: OAuth2Config, integration: String, account: String?, state: (any StateStore)?,
        transport: any HTTPTransport, clock: any EngineClock, secrets: SecretRegistry, logger: Logger
    ) {
        self.config = config
        self.integration = integration
        self.state = state
        self.credential = CredentialID(integration: integration, account: account, clientID: config.clientID)
        self.transport = transport
        self.clock = clock
        self.registry = secrets
        self.logger = logger
        registry.register([config.clientSecret, basicCredential, config.refreshToken ?? ""])
    }

    /// Adds `Authorization: Bearer <access token>`, obtaining or refreshing the token first when needed.
    package func authorize(_ request: inout HTTPRequest, deadline: ContinuousClock.Instant) async throws(EngineError) {
        let current = try await validToken(deadline: deadline, replacing: nil)
        request.headers.set(name: "Authorization", value: "Bearer \(current)")
    }

    /// Drops the token that was refused and obtains a fresh one.
    package func refreshAfterUnauthorized(deadline: ContinuousClock.Instant) async throws(EngineError) -> Bool {
        let refused = token.withLock { $0?.value }
        _ = try await validToken(deadline: deadline, replacing: refused)
        return true
    }

    /// The client secret (also as the HTTP Basic credential it is sent in), the refresh token and
    /// every token learned so far — from the vendor or from the store — kept in memory, so a
    /// redaction never reads the disk.
    package func secrets() -> [String] {
        [config.clientSecret, basicCredential, config.refreshToken ?? ""] + learned.withLock { Array($0) }
    }

    /// Remembers tokens learned at run time and registers them for redaction of recordings and transcripts.
    func learn(_ tokens: [String?]) {
        let values = tokens.compactMap { $0 }.filter { !$0.isEmpty }
        guard !values.isEmpty else { return }
        learned.withLock { $0.formUnion(values) }
        registry.register(values)
    }

    /// `base64(form(client_id):form(client_secret))`, as sent in `Authorization: Basic`: decoding it
    /// gives the secret away, so a vendor quoting the header back must not pass it on.
    var basicCredential: String {
        guard !config.clientSecret.isEmpty else { return "" }
        let pair =
            PercentEncoding.formComponent(config.clientID) + ":" + PercentEncoding.formComponent(config.clientSecret)
        return Data(pair.utf8).base64EncodedString()
    }

    /// A usable access token: the cached one unless it is due (or is `refused`), else a fresh one (one refresh at a time).
    func validToken(deadline: ContinuousClock.Instant, replacing refused: String?) async throws(EngineError) -> String {
        if let cached = usable(excluding: refused) { return cached }
        do {
            try await refreshing.acquire()
        } catch {
            throw EngineError.cancelled
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
        guard let state else {
            // No state directory: remember a rotated refresh token in memory, or the next refresh burns the grant.
            let current = rotatedRefreshToken.withLock { $0 } ?? config.refreshToken ?? ""
            let outcome = try await refresh(with: current, deadline: deadline)
            if let rotated = outcome.refreshToken { rotatedRefreshToken.withLock { $0 = rotated } }
            return outcome.token
        }
        // The lock outlives the longest token request this call may make, so a holder that dies
        // mid-request (Redis) cannot be overtaken while its request may still rotate the token.
        let lifetime = max(deadline - clock.now(), .seconds(5)) + .seconds(5)
        let lock = try await state.lockToken(credential, lifetime: lifetime, deadline: deadline)
        let result: Result<Token, EngineError>
        do {
            result = .success(try await refreshLocked(state, deadline: deadline, refused: refused))
        } catch {
            result = .failure(error)
        }
        await lock.release()
        return try result.get()
    }

    /// The body of ``refreshWithLock(deadline:refused:)``, run while the lock is held.
    private func refreshLocked(_ store: any StateStore, deadline: ContinuousClock.Instant, refused: String?)
        async throws(EngineError) -> Token
    {
        let environmentDigest = SHA256.hexDigest(Array((config.refreshToken ?? "").utf8))
        var record = try await loadLearning(store)
        // The store speaks for the environment's grant only while the environment's token is unchanged.
        let current = record?.environmentDigest == environmentDigest
        // Another process's token is adopted only when none was refused: after a 401 the stored one may
        // be just as dead (revoked together), and the one refresh a 401 allows must be a real one.
        if current, refused == nil, let stored = record, let adopted = adoptable(stored) { return adopted }
        var refreshToken = config.refreshToken ?? ""
        if let unsaved = rotatedRefreshToken.withLock({ $0 }) {
            refreshToken = unsaved
        } else if current, let stored = record?.refreshToken {
            refreshToken = stored
        }
        let outcome: (token: Token, refreshToken: String?, expiresAt: Double?)
        do {
            outcome = try await refresh(with: refreshToken, deadline: deadline)
        } catch  where error.type == .reauthRequired {
            // Another process may have rotated the token just before we locked: re-read once.
            record = try await loadLearning(store)
            guard record?.environmentDigest == environmentDigest, let rotated = record?.refreshToken,
                rotated != refreshToken
            else { throw error }
            logger.info("\(integration): refresh token was rotated by another process; retrying with the stored one")
            outcome = try await refresh(with: rotated, deadline: deadline)
            refreshToken = rotated
        }
        let newRecord = TokenStore.Record(
            refreshToken: outcome.refreshToken ?? refreshToken, environmentDigest: environmentDigest,
            accessToken: outcome.token.value, expiresAt: outcome.expiresAt)
        // Persist a rotated refresh token before the new access token is used. If the store cannot be
        // written the vendor has already retired the old token: keep the new one in memory and go on.
        do {
            try await store.saveToken(newRecord, for: credential)
            rotatedRefreshToken.withLock { $0 = nil }
        } catch {
            rotatedRefreshToken.withLock { $0 = newRecord.refreshToken }
            logger.error(
                "\(integration): \(error.message); the new refresh token is kept in memory only, so other "
                    + "processes and the next run may need a new sign-in")
        }
        return outcome.token
    }

    /// The stored record, read off the cooperative pool; its tokens are learned, since they may now be sent.
    private func loadLearning(_ store: any StateStore) async throws(EngineError) -> TokenStore.Record? {
        let record = try await store.loadToken(credential)
        if let record { learn([record.refreshToken, record.accessToken]) }
        return record
    }

    private func adoptable(_ record: TokenStore.Record) -> Token? {
        guard let access = record.accessToken, access != token.withLock({ $0?.value }),
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
