/// How severe a log line is; a ``Logger`` writes lines at or above its level.
package enum LogLevel: Int, Sendable, Comparable, CaseIterable {
    /// Detail for debugging the server itself.
    case debug
    /// Normal operation worth noting.
    case info
    /// Something went wrong but serving continues (the default threshold).
    case warning
    /// A failure.
    case error

    /// Parses `debug`, `info`, `warning` (or `warn`) and `error`, ignoring case.
    package init?(name: String) {
        switch name.lowercased() {
        case "debug": self = .debug
        case "info": self = .info
        case "warning", "warn": self = .warning
        case "error": self = .error
        default: return nil
        }
    }

    /// The level's name as written in log lines and on the command line.
    package var name: String {
        switch self {
        case .debug: return "debug"
        case .info: return "info"
        case .warning: return "warning"
        case .error: return "error"
        }
    }

    /// Orders levels by severity.
    package static func < (lhs: LogLevel, rhs: LogLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}
