import Foundation
import Glibc
import LoopbackHTTP
import Synchronization

/// A real `redis-server` for tests: on a free loopback port, in a temporary directory, with no
/// persistence (`--save "" --appendonly no`), stopped on ``stop()`` or deinit.
///
/// Readiness is the server's own "Ready to accept connections" line, then one `PING`; both waits
/// are bounded. The waits block, so async tests use ``launch(password:)``, ``restart()`` and
/// ``shutdown()``, which run them off the cooperative pool, and ``kill()`` (which never waits)
/// in a `defer`.
package final class RedisServer: Sendable {
    /// The TCP port.
    package var port: Int { chosenPort.withLock { $0 } }
    private let chosenPort = Mutex(0)
    /// The password (`--requirepass`), if any.
    package let password: String?
    private let directory: TemporaryDirectory
    private let running = Mutex<(process: Process, exited: DispatchSemaphore)?>(nil)

    /// Starts a server; throws when `redis-server` is missing or does not become ready within 10 s.
    package init(password: String? = nil) throws {
        self.password = password
        directory = try TemporaryDirectory()
        // The kernel's free port, released for redis-server to bind; another process may take it
        // meanwhile, so a port found busy is traded for a fresh one, a few times.
        var attempt = 0
        while true {
            let (listener, port) = try LoopbackSocket.listen(backlog: 1)
            LoopbackSocket.close(listener)
            chosenPort.withLock { $0 = port }
            do {
                try start()
                return
            } catch let error as RedisServerError
                where error.description.contains("Address already in use") && attempt < 5
            {
                attempt += 1
            }
        }
    }

    /// Starts a server off the cooperative pool.
    package static func launch(password: String? = nil) async throws -> RedisServer {
        try await OffPool.run { Result { try RedisServer(password: password) } }.get()
    }

    /// Starts the stopped server again on its port, off the cooperative pool.
    package func restart() async throws {
        try await OffPool.run { Result { try self.start() } }.get()
    }

    /// Stops the server and waits for its exit, off the cooperative pool.
    package func shutdown() async {
        await OffPool.run { self.stop() }
    }

    /// Kills the server without waiting (for a `defer`); a no-op once stopped.
    package func kill() {
        guard let (process, _) = running.withLock({ $0 }) else { return }
        Glibc.kill(process.processIdentifier, SIGKILL)
    }

    /// `redis://[:PASSWORD@]127.0.0.1:PORT[/DB]`.
    package func url(database: Int = 0) -> String {
        "redis://" + (password.map { ":\($0)@" } ?? "") + "127.0.0.1:\(port)" + (database == 0 ? "" : "/\(database)")
    }

    /// Starts (again) on the same port and waits until it answers `PING`.
    package func start() throws {
        let binary = ["/usr/bin/redis-server", "/usr/local/bin/redis-server"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
        guard let binary else { throw RedisServerError("redis-server is not installed (apt-get install redis-server)") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        var arguments = [
            "--port", String(port), "--bind", "127.0.0.1", "--dir", directory.path, "--save", "", "--appendonly", "no",
            "--daemonize", "no", "--protected-mode", "no",
        ]
        if let password { arguments += ["--requirepass", password] }
        process.arguments = arguments
        // The same minimal environment as the switchyard children: nothing of the test runner's leaks in.
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory()]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        let lines = LineBuffer()
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try ProcessLaunch.run(process)
        SwitchyardProcess.pump(pipe.fileHandleForReading, into: lines, name: "redis-stdout")
        running.withLock { $0 = (process, exited) }
        guard lines.wait(timeout: .seconds(10), until: { $0.contains { $0.contains("Ready to accept connections") } })
        else {
            stop()
            throw RedisServerError("redis-server did not start: " + lines.all.suffix(5).joined(separator: " | "))
        }
        guard ping() else {
            stop()
            throw RedisServerError("redis-server started but does not answer PING")
        }
    }

    /// Stops the server (SIGKILL, like a crash) and waits, at most 10 s, for it to exit. Blocks: from
    /// async code, call it through ``OffPool``.
    package func stop() {
        guard
            let (process, exited) = running.withLock({ current in
                defer { current = nil }
                return current
            })
        else { return }
        // SIGKILL: the test runner's blocked signals are inherited, so SIGTERM may never arrive;
        // with no persistence there is nothing to lose. Then wait for the exit itself (not the
        // output's end of file: other children may hold the pipe open).
        Glibc.kill(process.processIdentifier, SIGKILL)
        _ = exited.wait(timeout: .now() + 10)
    }

    /// Sends `PING` (after `AUTH`) on a fresh connection; true on `+PONG` within 5 s.
    package func ping() -> Bool {
        guard let descriptor = try? LoopbackSocket.connect(port: port) else { return false }
        defer { LoopbackSocket.close(descriptor) }
        var command = ""
        if let password { command += "*2\r\n$4\r\nAUTH\r\n$\(password.utf8.count)\r\n\(password)\r\n" }
        command += "*1\r\n$4\r\nPING\r\n"
        guard (try? LoopbackSocket.sendAll(descriptor, Data(command.utf8))) != nil else { return false }
        var received = ""
        var buffer = [UInt8](repeating: 0, count: 256)
        let deadline = ContinuousClock.now + .seconds(5)
        while ContinuousClock.now < deadline, !received.contains("PONG") {
            guard LoopbackSocket.waitReadable(descriptor, timeout: deadline - ContinuousClock.now) else { break }
            let count = (try? buffer.withUnsafeMutableBytes { try LoopbackSocket.receive(descriptor, into: $0) }) ?? 0
            guard count > 0 else { break }
            received += String(decoding: buffer[0..<count], as: UTF8.self)
        }
        return received.contains("+PONG")
    }

    deinit { kill() }
}

/// Why a test Redis server could not be started.
package struct RedisServerError: Error, CustomStringConvertible {
    /// What went wrong.
    package let description: String

    init(_ description: String) {
        self.description = description
    }
}
