import Foundation
import Glibc
import Synchronization

/// The built `switchyard` binary running as a child process, driven over pipes like an MCP client would.
///
/// Standard output is read line by line on a dedicated thread; tests wait for lines with a
/// bounded timeout instead of sleeping. Standard error is collected whole.
package final class SwitchyardProcess: Sendable {
    private let process: Process
    private let input: FileHandle
    private let lines = LineBuffer()
    private let errors = LineBuffer()

    /// The path of the built binary: `$SWITCHYARD_BIN`, else beside the test bundle, else `.build/debug`.
    package static var binaryPath: String {
        if let explicit = ProcessInfo.processInfo.environment["SWITCHYARD_BIN"] { return explicit }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("switchyard").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(".build/debug/switchyard")
            .path
    }

    /// Starts the binary (``binaryPath`` unless `binary` names a copy) with arguments and extra
    /// environment (merged over a minimal environment), in `directory` when given.
    package init(
        _ arguments: [String], environment extra: [String: String] = [:], directory: String? = nil,
        binary: String? = nil
    ) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: binary ?? Self.binaryPath)
        process.arguments = arguments
        var environment = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory()]
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        input = stdin.fileHandleForWriting
        try ProcessLaunch.run(process)
        Self.pump(stdout.fileHandleForReading, into: lines, name: "e2e-stdout")
        Self.pump(stderr.fileHandleForReading, into: errors, name: "e2e-stderr")
    }

    /// Writes one line (a newline is appended) to the server's standard input; nothing when the
    /// server has already exited (the test then sees its exit, not a crash of the test process).
    package func send(_ line: String) {
        sendRaw(Data((line + "\n").utf8))
    }

    /// Writes raw bytes to standard input; nothing when the server has already closed it.
    package func sendRaw(_ data: Data) {
        // `write(_:)` traps on EPIPE; the throwing form reports it.
        try? input.write(contentsOf: data)
    }

    /// Closes standard input (EOF).
    package func closeInput() {
        try? input.close()
    }

    /// The next unread line of standard output, waiting up to `timeout`; `nil` on timeout or EOF.
    package func nextLine(timeout: Duration = .seconds(20)) -> String? {
        lines.next(timeout: timeout)
    }

    /// Every line of standard output read so far (consumed or not).
    package var allLines: [String] { lines.all }

    /// Standard error so far.
    package var standardError: String { errors.all.joined(separator: "\n") }

    /// Waits for standard error to contain `text`.
    package func waitForError(containing text: String, timeout: Duration = .seconds(20)) -> Bool {
        errors.wait(timeout: timeout) { $0.contains { $0.contains(text) } }
    }

    /// Waits for the process to exit; returns its status, or `nil` on timeout (the process is then killed).
    package func waitForExit(timeout: Duration = .seconds(30)) -> Int32? {
        let deadline = ContinuousClock.now + timeout
        let done = DispatchSemaphore(value: 0)
        let thread = Thread { [process] in
            process.waitUntilExit()
            done.signal()
        }
        thread.start()
        let remaining = deadline - ContinuousClock.now
        let nanos = max(
            0, remaining.components.seconds * 1_000_000_000 + remaining.components.attoseconds / 1_000_000_000)
        if done.wait(timeout: .now() + .nanoseconds(Int(nanos))) == .timedOut {
            process.terminate()
            return nil
        }
        lines.waitForEOF(timeout: .seconds(5))
        errors.waitForEOF(timeout: .seconds(5))
        return process.terminationStatus
    }

    /// Sends `signal` (e.g. `SIGTERM`) to the process.
    package func send(signal number: Int32) {
        if process.isRunning { kill(process.processIdentifier, number) }
    }

    /// Kills the process if it still runs.
    package func terminate() {
        if process.isRunning { process.terminate() }
    }

    deinit {
        if process.isRunning { process.terminate() }
    }

    static func pump(_ handle: FileHandle, into buffer: LineBuffer, name: String) {
        let thread = Thread {
            var pending = Data()
            var chunk = [UInt8](repeating: 0, count: 64 * 1024)
            let descriptor = handle.fileDescriptor
            while true {
                // read(2), not `availableData`: Foundation traps when a read is interrupted (EINTR).
                let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { break }
                pending.append(contentsOf: chunk[0..<count])
                while let newline = pending.firstIndex(of: 0x0A) {
                    buffer.append(String(decoding: pending[pending.startIndex..<newline], as: UTF8.self))
                    pending = Data(pending[pending.index(after: newline)...])
                }
            }
            if !pending.isEmpty { buffer.append(String(decoding: pending, as: UTF8.self)) }
            buffer.finish()
        }
        thread.name = name
        thread.start()
    }
}
