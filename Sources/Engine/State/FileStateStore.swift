import SystemIO

/// The state directory as a ``StateStore``: one token file per credential (``TokenStore``) and an
/// advisory file lock beside it. Rate budgets stay in each process.
package struct FileStateStore: StateStore {
    /// The state directory.
    package let directory: String

    /// A store in `directory` (created, mode 0700, on first write).
    package init(directory: String) {
        self.directory = directory
    }

    /// `the state directory DIR`.
    package var label: String { "the state directory \(directory)" }

    /// The credential's token file.
    package func file(for credential: CredentialID) -> TokenStore {
        TokenStore(directory: directory, stem: credential.stem)
    }

    /// The token file's record, read off the cooperative pool; an unreadable file reads as none.
    package func loadToken(_ credential: CredentialID) async throws(EngineError) -> TokenStore.Record? {
        let file = file(for: credential)
        return await BlockingFileWork.run { file.load() }
    }

    /// Replaces the token file (temporary file, fsync, rename).
    package func saveToken(_ record: TokenStore.Record, for credential: CredentialID) async throws(EngineError) {
        let file = file(for: credential)
        try await BlockingFileWork.run { () throws(EngineError) in try file.save(record) }
    }

    /// The `flock` on the credential's lock file (held until released or the process exits, so
    /// `lifetime` is not needed).
    package func lockToken(_ credential: CredentialID, lifetime: Duration, deadline: ContinuousClock.Instant)
        async throws(EngineError) -> any StateLock
    {
        let file = file(for: credential)
        try await BlockingFileWork.run { () throws(EngineError) in try file.prepare() }
        return FileStateLock(lock: try await file.lock())
    }

    /// `nil`: with files, each process keeps its own budget.
    package func sharedBudget(integration: String, account: String?, requests: Int, perSeconds: Double)
        -> (any SharedBudget)?
    {
        nil
    }
}

/// A held ``FileLock``.
struct FileStateLock: StateLock {
    let lock: FileLock

    func release() async { lock.release() }
}
