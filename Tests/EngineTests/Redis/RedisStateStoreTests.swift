import Engine
import Foundation
import TestSupport
import Testing

/// The Redis state store on a real server: token records, the refresh lock, the shared budget,
/// and `unavailable` when the server is gone.
@Suite struct RedisStateStoreTests {
    private static let credential = CredentialID(integration: "vendor", account: "WORK", clientID: "client-1")

    @Test("a token record is replaced whole and read back")
    func tokenRecords() async throws {
        let server = try await RedisServer.launch()
        defer { server.kill() }
        let store = RedisStateStore(endpoint: try RedisEndpoint(url: server.url()))
        #expect(try await store.loadToken(Self.credential) == nil)
        let record = TokenStore.Record(
            refreshToken: "rt-1", environmentDigest: "ab", accessToken: "at-1", expiresAt: 1_900_000_000.25)
        try await store.saveToken(record, for: Self.credential)
        #expect(try await store.loadToken(Self.credential) == record)
        let other = CredentialID(integration: "vendor", account: nil, clientID: "client-1")
        #expect(try await store.loadToken(other) == nil, "accounts are stored apart")
    }

    @Test("the refresh lock admits one holder; the next gets it on release, or times out at its deadline")
    func lockIsExclusive() async throws {
        let server = try await RedisServer.launch()
        defer { server.kill() }
        let store = RedisStateStore(endpoint: try RedisEndpoint(url: server.url()))
        let first = try await store.lockToken(Self.credential, lifetime: .seconds(30), deadline: .now + .seconds(5))
        do {
            _ = try await store.lockToken(Self.credential, lifetime: .seconds(30), deadline: .now + .milliseconds(200))
            Issue.record("a held lock was taken again")
        } catch {
            #expect(error.type == .timeout)
        }
        let waiter = Task {
            try await store.lockToken(Self.credential, lifetime: .seconds(30), deadline: .now + .seconds(10))
        }
        await first.release()
        let second = try await waiter.value
        // The first holder's late release must not free the second holder's lock.
        await first.release()
        #expect(
            try await store.client.send(RedisCommand("EXISTS", "switchyard:lock:" + Self.credential.stem))
                == .integer(1))
        await second.release()
        #expect(
            try await store.client.send(RedisCommand("EXISTS", "switchyard:lock:" + Self.credential.stem))
                == .integer(0))
    }

    @Test("a lock whose holder vanished expires after its lifetime")
    func lockExpires() async throws {
        let server = try await RedisServer.launch()
        defer { server.kill() }
        let store = RedisStateStore(endpoint: try RedisEndpoint(url: server.url()))
        _ = try await store.lockToken(Self.credential, lifetime: .seconds(1), deadline: .now + .seconds(5))
        _ = try await store.lockToken(Self.credential, lifetime: .seconds(1), deadline: .now + .seconds(5))
    }

    @Test("the shared budget grants its burst, then asks to wait, refuses beyond the allowed wait, per account")
    func budget() async throws {
        let server = try await RedisServer.launch()
        defer { server.kill() }
        let store = RedisStateStore(endpoint: try RedisEndpoint(url: server.url()))
        let work = try #require(store.sharedBudget(integration: "vendor", account: "WORK", requests: 3, perSeconds: 60))
        let home = try #require(store.sharedBudget(integration: "vendor", account: "HOME", requests: 3, perSeconds: 60))
        for _ in 0..<3 { #expect(try await work.take(allowedWait: .zero) == .zero) }
        let wait = try await work.take(allowedWait: .seconds(60))
        #expect(wait > .zero && wait <= .seconds(20), "one request every 20 s: \(wait)")
        // That request is taken: the next one waits 20 s more.
        do {
            _ = try await work.take(allowedWait: .seconds(1))
            Issue.record("an exhausted budget granted a request")
        } catch {
            #expect(error.type == .rateLimited)
            #expect((error.retryAfterSeconds ?? 0) > 20)
        }
        #expect(try await home.take(allowedWait: .zero) == .zero, "another account has its own budget")
        try await home.pause(seconds: 30)
        await #expect(throws: EngineError.self) { try await home.take(allowedWait: .seconds(5)) }
    }

    @Test("an unreachable server is `unavailable`, naming the store and never its password")
    func unavailable() async throws {
        let server = try await RedisServer.launch()
        let url = "redis://:pw-Hidden@127.0.0.1:\(server.port)/2"
        await server.shutdown()
        let store = RedisStateStore(endpoint: try RedisEndpoint(url: url))
        do {
            _ = try await store.loadToken(Self.credential)
            Issue.record("an unreachable store answered")
        } catch {
            #expect(error.type == .unavailable)
            #expect(error.message.contains("redis 127.0.0.1:\(server.port)/2"), "\(error.message)")
            #expect(!error.message.contains("pw-Hidden"))
        }
    }

    @Test("everything works as the README's restricted ACL user, which can touch nothing else")
    func restrictedUser() async throws {
        let server = try await RedisServer.launch()
        defer { server.kill() }
        let admin = RedisClient(endpoint: try RedisEndpoint(url: server.url()))
        defer { admin.close() }
        let acl =
            "switchyard on >acl-Pass resetkeys ~switchyard:* -@all +get +set +del +hget +hmget +hset +pexpire +pttl "
            + "+time +eval +evalsha +script|load +select"
        let reply = try await admin.send(RedisCommand(["ACL", "SETUSER"] + acl.split(separator: " ").map(String.init)))
        #expect(reply == .simple("OK"))
        let store = RedisStateStore(
            endpoint: try RedisEndpoint(url: "redis://switchyard:acl-Pass@127.0.0.1:\(server.port)/1"))
        try await store.saveToken(TokenStore.Record(refreshToken: "r"), for: Self.credential)
        #expect(try await store.loadToken(Self.credential)?.refreshToken == "r")
        let lock = try await store.lockToken(Self.credential, lifetime: .seconds(10), deadline: .now + .seconds(5))
        await lock.release()
        let budget = try #require(store.sharedBudget(integration: "vendor", account: nil, requests: 5, perSeconds: 1))
        #expect(try await budget.take(allowedWait: .zero) == .zero)
        try await budget.pause(seconds: 1)
        #expect(try await store.client.send(RedisCommand("GET", "elsewhere")).errorMessage?.hasPrefix("NOPERM") == true)
    }

    @Test("state store URLs: password, user, database, IPv6, and what is refused")
    func endpoints() throws {
        let full = try RedisEndpoint(url: "redis://ops:p%40ss@redis.internal:6380/4")
        #expect(
            full == RedisEndpoint(host: "redis.internal", port: 6380, username: "ops", password: "p@ss", database: 4))
        #expect(try RedisEndpoint(url: "redis://:pw@[::1]:7000").host == "::1")
        #expect(try RedisEndpoint(url: "redis://:a/b@c:d@h:1/2").password == "a/b@c:d", "a password as typed")
        #expect(try RedisEndpoint(url: "redis://localhost").port == 6379)
        #expect(!full.description.contains("p@ss"))
        for bad in ["rediss://h:1", "http://h:1", "redis://h:0", "redis://h:x", "redis://h:1/-1", "redis://:pw@"] {
            #expect(throws: RedisError.self, "\(bad)") { try RedisEndpoint(url: bad) }
        }
    }
}
