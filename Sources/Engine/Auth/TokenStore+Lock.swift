import SystemIO

extension TokenStore {
    /// Takes the store's cross-process lock (see ``lockPath``), waiting while another process
    /// refreshes; a lock that cannot be taken is an `upstream_error` naming the system's reason.
    func lock() async throws(EngineError) -> FileLock {
        do {
            return try await FileLock.acquire(path: lockPath)
        } catch {
            switch error.step {
            case .open: throw EngineError(.upstreamError, "cannot open the token lock: \(error.reason)")
            case .lock: throw EngineError(.upstreamError, "cannot lock the token store: \(error.reason)")
            }
        }
    }
}
