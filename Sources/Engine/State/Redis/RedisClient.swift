import Catalog
import Dispatch
import Synchronization
import SystemIO

/// A small Redis client: RESP over one TCP connection owned by a thread of its own, so no socket
/// wait ever runs on Swift's cooperative pool. Callers suspend on a continuation.
///
/// - Pipelining: commands queued by concurrent callers while the thread was busy go out in one
///   write, and their replies are read back in order.
/// - Timeouts: connecting and each batch are bounded (``timeout``); a late server fails the batch
///   with ``RedisError/Kind/timeout`` and the connection is dropped.
/// - Reconnect: a broken connection is dropped; the next command connects again, then `AUTH` and
///   `SELECT` as the endpoint says. Nothing is retried behind the caller's back.
package final class RedisClient: Sendable {
    private struct Job: Sendable {
        let commands: [RedisCommand]
        let continuation: CheckedContinuation<Result<[RESPValue], RedisError>, Never>
    }

    private struct Queue {
        var jobs: [Job] = []
        var closed = false
    }

    /// Where the server is.
    package let endpoint: RedisEndpoint
    /// The longest a connect, or one batch of commands, may take.
    package let timeout: Duration
    private let queue = Mutex(Queue())
    private let wakeUp = DispatchSemaphore(value: 0)
    /// Script source → SHA-1 the server gave for it (``evaluate(_:keys:arguments:)``).
    private let scriptDigests = Mutex<[String: String]>([:])

    /// Creates a client and starts its thread; nothing connects until the first command.
    package init(endpoint: RedisEndpoint, timeout: Duration = .seconds(2)) {
        self.endpoint = endpoint
        self.timeout = timeout
        let worker = Worker(endpoint: endpoint, timeout: timeout)
        do {
            try DetachedThread.start(name: "switchyard-redis") { [self] in run(worker) }
        } catch {
            // Without its thread the client can do nothing: every command fails at once, typed.
            queue.withLock { $0.closed = true }
        }
    }

    /// Sends the commands in one pipelined batch and returns their replies, in order. Error
    /// replies (`-ERR …`) are returned as values; a failure to get replies at all throws.
    package func send(_ commands: [RedisCommand]) async throws(RedisError) -> [RESPValue] {
        guard !commands.isEmpty else { return [] }
        let result: Result<[RESPValue], RedisError> = await withCheckedContinuation { continuation in
            let accepted = queue.withLock { queue -> Bool in
                guard !queue.closed else { return false }
                queue.jobs.append(Job(commands: commands, continuation: continuation))
                return true
            }
            guard accepted else {
                continuation.resume(returning: .failure(RedisError(.closed, "the Redis client is closed")))
                return
            }
            wakeUp.signal()
        }
        return try result.get()
    }

    /// Sends one command and returns its reply.
    package func send(_ command: RedisCommand) async throws(RedisError) -> RESPValue {
        let replies = try await send([command])
        guard let reply = replies.first else { throw RedisError(.connectionLost, "no reply") }
        return reply
    }

    /// Runs a Lua script: `EVALSHA` when the server is known to have it; the first time (and after
    /// a `NOSCRIPT`, e.g. a restarted or flushed server) `SCRIPT LOAD` and `EVAL` in one batch.
    package func evaluate(_ script: String, keys: [String], arguments: [String]) async throws(RedisError) -> RESPValue {
        let tail = [String(keys.count)] + keys + arguments
        if let digest = scriptDigests.withLock({ $0[script] }) {
            let reply = try await send(RedisCommand(["EVALSHA", digest] + tail))
            guard reply.errorMessage?.hasPrefix("NOSCRIPT") == true else { return reply }
        }
        let replies = try await send([RedisCommand("SCRIPT", "LOAD", script), RedisCommand(["EVAL", script] + tail)])
        guard replies.count == 2 else { throw RedisError(.connectionLost, "missing replies") }
        if let digest = replies[0].text, replies[0].errorMessage == nil {
            scriptDigests.withLock { $0[script] = digest }
        }
        return replies[1]
    }

    /// Stops the thread and fails queued commands with ``RedisError/Kind/closed``.
    package func close() {
        queue.withLock { $0.closed = true }
        wakeUp.signal()
    }

    /// The thread's loop: take every queued job, send them in one write, read the replies back.
    private func run(_ worker: Worker) {
        while true {
            wakeUp.wait()
            let (jobs, closed) = queue.withLock { queue in
                defer { queue.jobs = [] }
                return (queue.jobs, queue.closed)
            }
            if closed {
                for job in jobs { job.continuation.resume(returning: .failure(RedisError(.closed, "closed"))) }
                worker.disconnect()
                return
            }
            guard !jobs.isEmpty else { continue }
            let results = worker.exchange(jobs.map(\.commands))
            for (job, result) in zip(jobs, results) { job.continuation.resume(returning: result) }
        }
    }
}

/// The state only the client's thread touches: the connection.
private final class Worker: @unchecked Sendable {
    // Invariant: used by the one thread RedisClient starts, never elsewhere.
    let endpoint: RedisEndpoint
    let timeout: Duration
    var connection: RedisConnection?

    init(endpoint: RedisEndpoint, timeout: Duration) {
        self.endpoint = endpoint
        self.timeout = timeout
    }

    func disconnect() { connection = nil }

    /// Replies to each batch, in order: one write for all, then the replies read back.
    func exchange(_ batches: [[RedisCommand]]) -> [Result<[RESPValue], RedisError>] {
        let deadline = ContinuousClock.now + timeout
        let connection: RedisConnection
        do {
            connection = try connected(deadline: deadline)
            try connection.write(batches.flatMap { $0.flatMap(\.encoded) }, deadline: deadline)
        } catch {
            self.connection = nil
            return batches.map { _ in .failure(error) }
        }
        var results: [Result<[RESPValue], RedisError>] = []
        for batch in batches {
            var replies: [RESPValue] = []
            do {
                for _ in batch { replies.append(try connection.read(deadline: deadline)) }
                results.append(.success(replies))
            } catch {
                // The stream is out of step now: drop it, and fail this batch and every later one.
                self.connection = nil
                results += Array(repeating: .failure(error), count: batches.count - results.count)
                return results
            }
        }
        return results
    }

    /// The open connection, or a new one that has passed `AUTH` and `SELECT`.
    private func connected(deadline: ContinuousClock.Instant) throws(RedisError) -> RedisConnection {
        if let connection { return connection }
        let fresh = try RedisConnection.open(endpoint, deadline: deadline)
        var handshake: [RedisCommand] = []
        if let password = endpoint.password {
            handshake.append(RedisCommand(endpoint.username.map { ["AUTH", $0, password] } ?? ["AUTH", password]))
        }
        if endpoint.database != 0 { handshake.append(RedisCommand("SELECT", String(endpoint.database))) }
        if !handshake.isEmpty {
            try fresh.write(handshake.flatMap(\.encoded), deadline: deadline)
            for command in handshake {
                let reply = try fresh.read(deadline: deadline)
                if let message = reply.errorMessage {
                    // The server's words only: an AUTH error never quotes the password back.
                    let first = message.split(separator: " ").first.map(String.init) ?? "ERR"
                    throw RedisError(.refused, "\(endpoint) refused \(command.name) (\(first))")
                }
            }
        }
        connection = fresh
        return fresh
    }
}
