/// Where state shared beyond one call lives: OAuth token records, the lock that serialises their
/// refresh, and (for stores shared by several processes) rate budgets.
///
/// Two implementations: ``FileStateStore`` (the state directory, one machine) and
/// ``RedisStateStore`` (a fleet of processes on many machines).
package protocol StateStore: Sendable {
    /// Names the store in messages (`the state directory /x`, `redis 10.0.0.5:6379/0`); never a secret.
    var label: String { get }

    /// The stored token record of a credential, `nil` when there is none.
    func loadToken(_ credential: CredentialID) async throws(EngineError) -> TokenStore.Record?

    /// Replaces the stored token record of a credential atomically: readers see the old record or
    /// the new one, never a mix.
    func saveToken(_ record: TokenStore.Record, for credential: CredentialID) async throws(EngineError)

    /// Takes the credential's refresh lock, waiting while another holder has it, until `deadline`.
    /// `lifetime` bounds how long a holder that dies keeps others out (where the store can expire locks).
    func lockToken(_ credential: CredentialID, lifetime: Duration, deadline: ContinuousClock.Instant)
        async throws(EngineError) -> any StateLock

    /// The budget shared with every process using this store, or `nil` when budgets stay in the
    /// process (the file store).
    func sharedBudget(integration: String, account: String?, requests: Int, perSeconds: Double) -> (any SharedBudget)?
}

/// A held lock of a ``StateStore``.
package protocol StateLock: Sendable {
    /// Releases the lock (only if this holder still has it).
    func release() async
}
