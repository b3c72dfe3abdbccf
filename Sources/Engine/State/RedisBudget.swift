/// One token bucket in Redis shared by every process: `requests` per `perSeconds`, taken and
/// paused atomically by Lua scripts (``RedisScripts``).
struct RedisBudget: SharedBudget {
    let store: RedisStateStore
    let key: String
    let requests: Int
    let perSeconds: Double

    func take(allowedWait: Duration) async throws(EngineError) -> Duration {
        let rate = Double(requests) / (perSeconds * 1000)
        let allowed = max(0, Self.milliseconds(allowedWait))
        let reply = try await store.evaluate(
            RedisScripts.takeFromBudget, keys: [key], arguments: [String(requests), String(rate), String(allowed)])
        guard let parts = reply.elements, parts.count == 2, let granted = parts[0].integer, let wait = parts[1].integer
        else {
            throw EngineError(.unavailable, "the shared state store (\(store.label)) answered the budget script oddly")
        }
        guard granted == 1 else {
            throw EngineError(
                .rateLimited,
                "the request budget shared by every process (\(requests) per \(perSeconds) s, \(store.label)) is used up",
                retryAfterSeconds: Double(wait) / 1000)
        }
        return .milliseconds(max(0, wait))
    }

    func pause(seconds: Double) async throws(EngineError) {
        let milliseconds = Int((seconds * 1000).rounded(.up))
        guard milliseconds > 0 else { return }
        _ = try await store.evaluate(RedisScripts.pauseBudget, keys: [key], arguments: [String(milliseconds)])
    }

    /// Whole milliseconds of a duration, rounded up.
    static func milliseconds(_ duration: Duration) -> Int {
        let parts = duration.components
        return Int(parts.seconds * 1000 + (parts.attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000)
    }
}
