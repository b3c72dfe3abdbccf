import Foundation
import Synchronization

/// Writes log lines to standard error (never standard output, which belongs to the protocol).
public struct Logger: Sendable {
    /// How much to log.
    public enum Level: Int, Sendable, Comparable, CaseIterable {
        /// Every attempt, wait and reload.
        case debug
        /// Start-up and notable events.
        case info
        /// Problems that do not stop serving (default).
        case warning
        /// Failures.
        case error

        /// Parses `debug`, `info`, `warning` or `error`.
        public init?(name: String) {
            switch name.lowercased() {
            case "debug": self = .debug
            case "info": self = .info
            case "warning", "warn": self = .warning
            case "error": self = .error
            default: return nil
            }
        }

        /// The level's name.
        public var name: String {
            switch self {
            case .debug: return "debug"
            case .info: return "info"
            case .warning: return "warning"
            case .error: return "error"
            }
        }

        /// Orders levels by severity.
        public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// The least severe level written.
    public var minimum: Level
    private let sink: @Sendable (String) -> Void

    /// A logger writing to standard error.
    public init(minimum: Level = .warning) {
        self.minimum = minimum
        self.sink = { line in Logger.writeToStandardError(line) }
    }

    /// A logger writing to a custom sink (tests).
    public init(minimum: Level, sink: @escaping @Sendable (String) -> Void) {
        self.minimum = minimum
        self.sink = sink
    }

    /// Logs a message at a level; the message is built only when it will be written.
    public func log(_ level: Level, _ message: @autoclosure () -> String) {
        guard level >= minimum else { return }
        sink("switchyard: \(level.name): \(message())")
    }

    /// Logs at debug level.
    public func debug(_ message: @autoclosure () -> String) { log(.debug, message()) }
    /// Logs at info level.
    public func info(_ message: @autoclosure () -> String) { log(.info, message()) }
    /// Logs at warning level.
    public func warning(_ message: @autoclosure () -> String) { log(.warning, message()) }
    /// Logs at error level.
    public func error(_ message: @autoclosure () -> String) { log(.error, message()) }

    private static let lock = Mutex(())

    private static func writeToStandardError(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        lock.withLock { _ in
            var offset = 0
            while offset < bytes.count {
                let written = bytes[offset...].withUnsafeBytes { Glibc.write(2, $0.baseAddress, $0.count) }
                if written <= 0 {
                    if written < 0, errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
    }
}
