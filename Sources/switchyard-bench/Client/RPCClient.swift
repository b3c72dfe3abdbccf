import Foundation
import Synchronization
import SystemIO

/// A child process driven over pipes the way an MCP client drives Switchyard: request lines are
/// written to its standard input, and its standard output is read on a dedicated thread, split
/// into lines, matched to requests by id and stamped with the moment each arrived.
///
/// Latencies are measured from just before the request is written to just after the read that
/// completed the response returned, so they include both pipe hops but not the wake-up of the
/// thread that waits for the answer.
final class RPCClient: Sendable {
    /// The child's process id.
    let pid: Int32
    /// When the child was launched: just before `Process.run()`.
    let launchedAt: ContinuousClock.Instant

    private let process: Process
    private let input: FileHandle
    private let inbox = ResponseInbox()
    private let errors = ErrorText()
    private let lastID = Atomic(0)

    /// The longest any single response is waited for.
    static let responseTimeout = Duration.seconds(60)

    /// Launches `executable` with `arguments` and exactly `environment`, its three standard streams on pipes.
    init(executable: String, arguments: [String] = [], environment: [String: String] = [:]) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        input = stdin.fileHandleForWriting
        launchedAt = .now
        try process.run()
        pid = process.processIdentifier
        Self.readLines(from: stdout.fileHandleForReading, into: inbox)
        Self.collect(stderr.fileHandleForReading, into: errors)
    }

    deinit {
        if process.isRunning { process.terminate() }
    }

    /// Writes one request line and returns its id and the instant just before the write.
    @discardableResult
    func send(_ method: String, params: String = "{}") -> (id: Int, sentAt: ContinuousClock.Instant) {
        let id = lastID.add(1, ordering: .relaxed).newValue
        let line = #"{"jsonrpc":"2.0","id":\#(id),"method":"\#(method)","params":\#(params)}"#
        let sentAt = ContinuousClock.now
        write(line + "\n")
        return (id, sentAt)
    }

    /// Writes `count` requests with a single `write(2)`, so they reach the child together.
    func sendTogether(_ method: String, params: String, count: Int) -> (ids: [Int], sentAt: ContinuousClock.Instant) {
        var ids: [Int] = []
        var text = ""
        for _ in 0..<count {
            let id = lastID.add(1, ordering: .relaxed).newValue
            ids.append(id)
            text += #"{"jsonrpc":"2.0","id":\#(id),"method":"\#(method)","params":\#(params)}"# + "\n"
        }
        let sentAt = ContinuousClock.now
        write(text)
        return (ids, sentAt)
    }

    /// Writes a notification line (no answer expected).
    func notify(_ method: String, params: String = "{}") {
        write(#"{"jsonrpc":"2.0","method":"\#(method)","params":\#(params)}"# + "\n")
    }

    /// The response to request `id`; throws when it does not come within ``responseTimeout``.
    func response(to id: Int) throws -> ResponseInbox.Arrival {
        guard let arrival = inbox.take(id, timeout: Self.responseTimeout) else {
            throw BenchError("no response to request \(id) from pid \(pid); stderr: \(standardError.suffix(2000))")
        }
        return arrival
    }

    /// Sends a request and waits for its response; returns the response and the round-trip time.
    func roundTrip(_ method: String, params: String = "{}") throws -> (ResponseInbox.Arrival, Duration) {
        let (id, sentAt) = send(method, params: params)
        let arrival = try response(to: id)
        return (arrival, arrival.at - sentAt)
    }

    /// When the child closed its standard output, waiting up to `timeout`.
    func endOfOutput(timeout: Duration = .seconds(30)) throws -> ContinuousClock.Instant {
        guard let instant = inbox.endOfOutput(timeout: timeout) else {
            throw BenchError("pid \(pid) did not close its output within \(timeout)")
        }
        return instant
    }

    /// The child's peak resident set size so far, in bytes.
    func peakMemory() throws -> Int {
        guard let bytes = PeakMemory.highWaterMark(of: pid) else { throw BenchError("cannot read VmHWM of pid \(pid)") }
        return bytes
    }

    /// The server's resident memory now (`VmRSS`).
    func residentMemory() throws -> Int {
        guard let bytes = PeakMemory.resident(of: pid) else { throw BenchError("cannot read VmRSS of pid \(pid)") }
        return bytes
    }

    /// The CPU time the child has used so far, in milliseconds (0 when unreadable).
    var cpuMilliseconds: Double { ProcessCPU.milliseconds(of: pid) ?? 0 }

    /// What the child wrote to standard error so far (the first 64 KiB).
    var standardError: String { errors.text.withLock { $0 } }

    /// Closes standard input and waits for the child to exit (killing it after `timeout`).
    func finish(timeout: Duration = .seconds(30)) {
        try? input.close()
        if inbox.endOfOutput(timeout: timeout) == nil, process.isRunning {
            process.terminate()
        }
        process.waitUntilExit()
    }

    private func write(_ text: String) {
        FileDescriptor.writeAll(Array(text.utf8), to: input.fileDescriptor)
    }

    /// Reads `handle` with blocking `read(2)` on its own thread, delivering each complete line with
    /// the instant the read that completed it returned, then the end of output.
    private static func readLines(from handle: FileHandle, into inbox: ResponseInbox) {
        let thread = Thread {
            let descriptor = handle.fileDescriptor
            var chunk = [UInt8](repeating: 0, count: 1 << 20)
            var pending: [UInt8] = []
            while true {
                let count = FileDescriptor.read(descriptor, into: &chunk)
                guard count > 0 else { break }
                let now = ContinuousClock.now
                var start = 0
                for index in 0..<count where chunk[index] == 0x0A {
                    pending.append(contentsOf: chunk[start..<index])
                    inbox.deliver(pending, at: now)
                    pending.removeAll(keepingCapacity: true)
                    start = index + 1
                }
                pending.append(contentsOf: chunk[start..<count])
            }
            inbox.end(at: .now)
            try? handle.close()
        }
        thread.name = "bench-stdout"
        thread.start()
    }

    /// Collects standard error (up to 64 KiB) on its own thread so the child never blocks on it.
    private static func collect(_ handle: FileHandle, into errors: ErrorText) {
        let thread = Thread {
            while true {
                let data = handle.availableData
                if data.isEmpty { break }
                errors.text.withLock { text in
                    if text.utf8.count < 64 << 10 { text += String(decoding: data, as: UTF8.self) }
                }
            }
        }
        thread.name = "bench-stderr"
        thread.start()
    }
}

/// The standard error text a child wrote, shared between the collecting thread and readers.
private final class ErrorText: Sendable {
    let text = Mutex("")
}
