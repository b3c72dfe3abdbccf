import Glibc

/// Writes one-line log messages to stderr (never stdout, which belongs to the protocol).
///
/// Lines look like `switchyard: warning: message`. The stderr writer runs on its own thread with
/// a bounded queue: a client that never drains stderr cannot block the server; excess lines are
/// dropped instead.
package struct Logger: Sendable {
    /// The lowest level written.
    package var level: LogLevel
    private let sink: @Sendable (String) -> Void

    /// Creates a logger sending formatted lines (without newline) to `sink`; by default stderr.
    package init(level: LogLevel = .warning, sink: @escaping @Sendable (String) -> Void = Logger.standardError) {
        self.level = level
        self.sink = sink
    }

    /// A logger that writes nothing.
    package static let silent = Logger(level: .error) { _ in }

    /// Writes `message` when `level` is at or above the threshold; newlines are flattened.
    package func log(_ level: LogLevel, _ message: @autoclosure () -> String) {
        guard level >= self.level else { return }
        let text = message().split(whereSeparator: \.isNewline).joined(separator: " ")
        sink("switchyard: \(level.name): \(text)")
    }

    /// Logs at ``LogLevel/debug``.
    package func debug(_ message: @autoclosure () -> String) { log(.debug, message()) }
    /// Logs at ``LogLevel/info``.
    package func info(_ message: @autoclosure () -> String) { log(.info, message()) }
    /// Logs at ``LogLevel/warning``.
    package func warning(_ message: @autoclosure () -> String) { log(.warning, message()) }
    /// Logs at ``LogLevel/error``.
    package func error(_ message: @autoclosure () -> String) { log(.error, message()) }

    /// The default sink: queues the line for the stderr writer thread (at most 1 MiB queued).
    package static let standardError: @Sendable (String) -> Void = { line in
        standardErrorWriter.enqueue(Array(line.utf8))
    }

    /// Waits until every line queued for stderr has been written; call before the process exits.
    package static func flushStandardError() async {
        await standardErrorWriter.drain()
    }
}

/// The one writer thread for stderr, started on first use.
private let standardErrorWriter = LineWriter(descriptor: STDERR_FILENO, maximumQueuedBytes: 1 << 20)
