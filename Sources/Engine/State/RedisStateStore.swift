import FoundationEssentials
import JSON

/// A Redis server as the ``StateStore`` of a fleet: every process pointed at it shares OAuth token
/// records, their refresh lock, and one rate budget per integration and account.
///
/// Keys (all under `switchyard:`): `oauth:STEM` (the token record as JSON, replaced with one
/// `SET`), `lock:STEM` (`SET … NX PX`, released by compare-and-delete), `budget:INTEGRATION[@ACCOUNT]`
/// (a hash: the bucket and the vendor's pause). When the server cannot be reached every operation
/// throws `unavailable` naming the store — there is no fallback to local state, which would let
/// two processes rotate one refresh token.
package final class RedisStateStore: StateStore {
    /// The client all operations go through.
    package let client: RedisClient
    /// The key prefix.
    package let prefix: String

    /// A store on `endpoint`; nothing connects until first use.
    package init(endpoint: RedisEndpoint, timeout: Duration = .seconds(2), prefix: String = "switchyard:") {
        self.client = RedisClient(endpoint: endpoint, timeout: timeout)
        self.prefix = prefix
    }

    /// `redis HOST:PORT/DB`.
    package var label: String { client.endpoint.description }

    /// The stored record (`GET`), `nil` when there is none or it is not a record.
    package func loadToken(_ credential: CredentialID) async throws(EngineError) -> TokenStore.Record? {
        let reply = try await run(RedisCommand("GET", prefix + "oauth:" + credential.stem))
        guard case .bulk(let bytes?) = reply, let value = try? JSONParser.parse(Data(bytes)) else { return nil }
        return TokenStore.Record(
            refreshToken: value["refresh_token"]?.stringValue,
            environmentDigest: value["environment_sha256"]?.stringValue,
            accessToken: value["access_token"]?.stringValue, expiresAt: value["expires_at"]?.doubleValue)
    }

    /// Replaces the record with one `SET` (atomic: readers see the old or the new record).
    package func saveToken(_ record: TokenStore.Record, for credential: CredentialID) async throws(EngineError) {
        var object = JSONObject()
        if let token = record.refreshToken { object["refresh_token"] = .string(token) }
        if let digest = record.environmentDigest { object["environment_sha256"] = .string(digest) }
        if let token = record.accessToken { object["access_token"] = .string(token) }
        if let expiry = record.expiresAt { object["expires_at"] = .double(expiry) }
        let reply = try await run(
            RedisCommand("SET", prefix + "oauth:" + credential.stem, JSONValue.object(object).encoded()))
        if let message = reply.errorMessage { throw refused("SET", message) }
    }

    /// `SET lock:STEM TOKEN NX PX lifetime`, tried again every few milliseconds until `deadline`.
    package func lockToken(_ credential: CredentialID, lifetime: Duration, deadline: ContinuousClock.Instant)
        async throws(EngineError) -> any StateLock
    {
        let key = prefix + "lock:" + credential.stem
        let token = UUID().uuidString
        let milliseconds = String(max(1000, RedisBudget.milliseconds(lifetime)))
        var pause = 5
        while true {
            let reply = try await run(RedisCommand("SET", key, token, "NX", "PX", milliseconds))
            if reply == .simple("OK") { return RedisLock(store: self, key: key, token: token) }
            if let message = reply.errorMessage { throw refused("SET", message) }
            guard ContinuousClock.now + .milliseconds(pause) < deadline else {
                throw EngineError(
                    .timeout, "the call's time limit was reached while another process refreshed the token (\(label))")
            }
            do {
                try await Task.sleep(for: .milliseconds(Int.random(in: pause...(2 * pause))))
            } catch {
                throw EngineError.cancelled
            }
            pause = min(50, pause * 2)
        }
    }

    /// One bucket per integration and account in Redis.
    package func sharedBudget(integration: String, account: String?, requests: Int, perSeconds: Double)
        -> (any SharedBudget)?
    {
        RedisBudget(
            store: self, key: prefix + "budget:" + integration + (account.map { "@" + $0 } ?? ""), requests: requests,
            perSeconds: perSeconds)
    }

    /// One command; a transport failure is `unavailable` naming the store.
    func run(_ command: RedisCommand) async throws(EngineError) -> RESPValue {
        do {
            return try await client.send(command)
        } catch {
            throw unavailable(error)
        }
    }

    /// A script; a transport failure is `unavailable`, an error reply a refusal.
    func evaluate(_ script: String, keys: [String], arguments: [String]) async throws(EngineError) -> RESPValue {
        let reply: RESPValue
        do {
            reply = try await client.evaluate(script, keys: keys, arguments: arguments)
        } catch {
            throw unavailable(error)
        }
        if let message = reply.errorMessage { throw refused("EVAL", message) }
        return reply
    }

    func unavailable(_ error: RedisError) -> EngineError {
        EngineError(
            .unavailable,
            "the shared state store (\(label)) cannot be reached: \(error.message); nothing was sent to the vendor",
            retryable: true)
    }

    private func refused(_ command: String, _ message: String) -> EngineError {
        // Only the error code: a server message could quote a value back.
        let code = message.split(separator: " ").first.map(String.init) ?? "ERR"
        return EngineError(
            .unavailable, "the shared state store (\(label)) refused \(command) (\(code)); check its ACL and memory",
            retryable: true)
    }
}

/// A held Redis lock: the key and this holder's random token.
struct RedisLock: StateLock {
    let store: RedisStateStore
    let key: String
    let token: String

    /// Compare-and-delete; if the store is unreachable the lock expires by itself.
    func release() async {
        _ = try? await store.evaluate(RedisScripts.releaseLock, keys: [key], arguments: [token])
    }
}
