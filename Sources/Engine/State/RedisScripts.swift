/// The Lua scripts the Redis store runs; each is atomic on the server, and time is the server's
/// (`TIME`), so processes on machines whose clocks disagree still share one budget.
enum RedisScripts {
    /// Deletes the lock `KEYS[1]` only if it still holds this holder's token `ARGV[1]`.
    static let releaseLock = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
        return 0
        """

    /// Token bucket `KEYS[1]` (hash: tokens, at, paused_until; milliseconds of server time).
    /// ARGV: capacity, tokens per millisecond, the longest wait the caller accepts (ms).
    /// Returns `{1, wait_ms}` when a request was taken (send after waiting), `{0, wait_ms}` when
    /// the wait would be longer than accepted (nothing taken).
    static let takeFromBudget = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local capacity = tonumber(ARGV[1])
        local rate = tonumber(ARGV[2])
        local allowed = tonumber(ARGV[3])
        local state = redis.call('HMGET', KEYS[1], 'tokens', 'at', 'paused_until')
        local tokens = tonumber(state[1]) or capacity
        local at = tonumber(state[2]) or now
        local paused = tonumber(state[3]) or 0
        local start = math.max(now, paused, at)
        tokens = math.min(capacity, tokens + (start - at) * rate)
        local wait = start - now
        if tokens < 1 then wait = wait + math.ceil((1 - tokens) / rate) end
        if wait > allowed then return {0, wait} end
        redis.call('HSET', KEYS[1], 'tokens', tostring(tokens - 1), 'at', tostring(start))
        redis.call('PEXPIRE', KEYS[1], math.ceil(capacity / rate) + wait + 60000)
        return {1, wait}
        """

    /// Pauses budget `KEYS[1]` for `ARGV[1]` ms from now (never shortening a longer pause).
    static let pauseBudget = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local untilMs = now + tonumber(ARGV[1])
        local current = tonumber(redis.call('HGET', KEYS[1], 'paused_until')) or 0
        if untilMs > current then redis.call('HSET', KEYS[1], 'paused_until', tostring(untilMs)) end
        local ttl = redis.call('PTTL', KEYS[1])
        if ttl < tonumber(ARGV[1]) + 60000 then redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[1]) + 60000) end
        return 1
        """
}
