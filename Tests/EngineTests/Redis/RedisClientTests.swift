import Engine
import Foundation
import TestSupport
import Testing

/// The RESP client against a real `redis-server` (started by the test on a free loopback port),
/// and against peers that misbehave.
@Suite struct RedisClientTests {
    private static func client(_ url: String, timeout: Duration = .seconds(2)) throws -> RedisClient {
        RedisClient(endpoint: try RedisEndpoint(url: url), timeout: timeout)
    }

    @Test("binary-safe values round-trip, and concurrent callers are pipelined on one connection")
    func roundTripAndPipelining() async throws {
        let server = try await RedisServer.launch()
        defer { server.kill() }
        let client = try Self.client(server.url())
        defer { client.close() }
        let value = "line one\r\n*1\r\n$3\r\nDEL\r\n ünïcode"
        #expect(try await client.send(RedisCommand("SET", "k", value)) == .simple("OK"))
        #expect(try await client.send(RedisCommand("GET", "k")).text == value)
        #expect(try await client.send(RedisCommand("GET", "missing")).isNull)
        let replies = try await withThrowingTaskGroup(of: (Int, Int64?).self) { group in
            for index in 0..<200 {
                group.addTask {
                    (index, try await client.send(RedisCommand("INCRBY", "counter", String(index))).integer)
                }
            }
            var all: [(Int, Int64?)] = []
            for try await reply in group { all.append(reply) }
            return all
        }
        #expect(replies.count == 200 && replies.allSatisfy { $0.1 != nil })
        #expect(try await client.send(RedisCommand("GET", "counter")).integer == Int64((0..<200).reduce(0, +)))
        let clients = try await client.send(RedisCommand("CLIENT", "LIST")).text ?? ""
        #expect(clients.split(separator: "\n").count == 1, "one connection served every caller")
    }

    @Test("AUTH with the right password works, a wrong one is refused without echoing it, none gets NOAUTH")
    func authentication() async throws {
        let server = try await RedisServer.launch(password: "s3cret-Pa55")
        defer { server.kill() }
        let good = try Self.client(server.url())
        defer { good.close() }
        #expect(try await good.send(RedisCommand("PING")) == .simple("PONG"))

        let wrong = try Self.client("redis://:not-it@127.0.0.1:\(server.port)")
        defer { wrong.close() }
        do {
            _ = try await wrong.send(RedisCommand("PING"))
            Issue.record("a wrong password was accepted")
        } catch {
            #expect(error.kind == .refused)
            #expect(!error.message.contains("not-it"), "\(error.message)")
        }
        let anonymous = try Self.client("redis://127.0.0.1:\(server.port)")
        defer { anonymous.close() }
        #expect(try await anonymous.send(RedisCommand("GET", "x")).errorMessage?.hasPrefix("NOAUTH") == true)
    }

    @Test("SELECT puts a client in its own database")
    func selectsDatabase() async throws {
        let server = try await RedisServer.launch()
        defer { server.kill() }
        let zero = try Self.client(server.url())
        let three = try Self.client(server.url(database: 3))
        defer {
            zero.close()
            three.close()
        }
        _ = try await three.send(RedisCommand("SET", "where", "three"))
        #expect(try await zero.send(RedisCommand("GET", "where")).isNull)
        #expect(try await three.send(RedisCommand("GET", "where")).text == "three")
    }

    @Test("scripts run by EVALSHA once loaded, and by EVAL again after the server forgets them (NOSCRIPT)")
    func scriptsFallBack() async throws {
        let server = try await RedisServer.launch()
        defer { server.kill() }
        let client = try Self.client(server.url())
        defer { client.close() }
        let script = "return redis.call('INCRBY', KEYS[1], ARGV[1])"
        #expect(try await client.evaluate(script, keys: ["n"], arguments: ["2"]).integer == 2)
        #expect(try await client.evaluate(script, keys: ["n"], arguments: ["3"]).integer == 5)
        _ = try await client.send(RedisCommand("SCRIPT", "FLUSH"))
        #expect(try await client.evaluate(script, keys: ["n"], arguments: ["4"]).integer == 9)
        let stats = try await client.send(RedisCommand("INFO", "commandstats")).text ?? ""
        #expect(stats.contains("cmdstat_evalsha:calls=2"), "one EVALSHA hit, one NOSCRIPT: \(stats)")
    }

    @Test("a stopped server fails commands at once; the client reconnects when it is back")
    func reconnects() async throws {
        let server = try await RedisServer.launch()
        defer { server.kill() }
        let client = try Self.client(server.url())
        defer { client.close() }
        _ = try await client.send(RedisCommand("SET", "a", "1"))
        await server.shutdown()
        let started = ContinuousClock.now
        await #expect(throws: RedisError.self) { try await client.send(RedisCommand("GET", "a")) }
        await #expect(throws: RedisError.self) { try await client.send(RedisCommand("GET", "a")) }
        #expect(ContinuousClock.now - started < .seconds(2), "refused connections fail fast")
        try await server.restart()
        #expect(try await client.send(RedisCommand("PING")) == .simple("PONG"))
    }

    @Test("a server that never answers is a timeout, bounded by the client's timeout")
    func silentServerTimesOut() async throws {
        let peer = try ScriptedRedisPeer(.replyAndStall([]))
        defer { peer.stop() }
        let client = try Self.client(peer.url, timeout: .milliseconds(300))
        defer { client.close() }
        do {
            _ = try await client.send(RedisCommand("GET", "x"))
            Issue.record("a silent server answered")
        } catch {
            #expect(error.kind == .timeout)
        }
    }

    @Test("garbage, truncated and oversized replies break the connection, not the process")
    func hostileReplies() async throws {
        let replies: [[UInt8]] = [
            Array("HTTP/1.1 200 OK\r\n\r\n".utf8), Array("$10\r\nabc".utf8), Array("*99999999999\r\n".utf8),
            Array(String(repeating: "*1\r\n", count: 50).utf8), [0, 255, 13, 10, 13],
            Array("$5000000000\r\n".utf8),
        ]
        for reply in replies {
            let peer = try ScriptedRedisPeer(.replyAndClose(reply))
            let client = try Self.client(peer.url, timeout: .seconds(1))
            do {
                _ = try await client.send(RedisCommand("GET", "x"))
                Issue.record("a hostile reply was accepted: \(reply.prefix(20))")
            } catch {
                #expect(error.kind == .connectionLost || error.kind == .timeout, "\(error)")
            }
            client.close()
            peer.stop()
        }
    }
}
