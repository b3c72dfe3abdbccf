import Engine

extension Options {
    /// The Redis server of `--state-store` (else `$SWITCHYARD_STATE_STORE`), or `nil` for the
    /// state directory; a URL that cannot be used is a usage error.
    func redisEndpoint(environment: [String: String]) throws(UsageError) -> RedisEndpoint? {
        let (text, source) =
            stateStore.map { ($0, "--state-store") } ?? (
                environment["SWITCHYARD_STATE_STORE"] ?? "", "SWITCHYARD_STATE_STORE"
            )
        guard !text.isEmpty else { return nil }
        do {
            return try RedisEndpoint(url: text)
        } catch {
            throw UsageError("\(source): \(error.message)")
        }
    }
}
