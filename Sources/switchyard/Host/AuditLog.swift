import Engine
import FoundationEssentials
import JSON
import MCP
import Synchronization
import SystemIO

/// Appends one JSON line per tool call to a file (DESIGN.md §8): never argument values, never
/// response data, never a secret — only a digest of the canonical arguments.
///
/// The file is opened with `O_APPEND` so several processes can share it; each line is written with
/// one `write(2)`. A failure (full disk, unwritable file) is reported once on stderr and never fails a call.
package final class AuditLog: Sendable {
    /// One audited call.
    package struct Entry: Sendable {
        /// The tool name.
        package var tool: String
        /// The integration name.
        package var integration: String
        /// The operation kind.
        package var kind: String
        /// The call's arguments (digested, never written).
        package var arguments: JSONObject
        /// The engine's outcome.
        package var outcome: ToolOutcome
        /// How long the call took.
        package var duration: Duration
        /// The trace id of the caller's W3C trace context, when the request carried one.
        package var traceID: String?
        /// The account the call acted as, when the integration has more than one.
        package var account: String?

        /// Creates an entry.
        package init(
            tool: String, integration: String, kind: String, arguments: JSONObject, outcome: ToolOutcome,
            duration: Duration, traceID: String? = nil, account: String? = nil
        ) {
            self.account = account
            self.tool = tool
            self.integration = integration
            self.kind = kind
            self.arguments = arguments
            self.outcome = outcome
            self.duration = duration
            self.traceID = traceID
        }
    }

    private let file: AppendOnlyFile
    private let logger: Logger
    private let failed = Mutex(false)

    /// Opens (creating, mode 0600) the file for appending; throws a message when it cannot be opened.
    package init(path: String, logger: Logger) throws(AuditLogError) {
        do {
            file = try AppendOnlyFile(path: path)
        } catch {
            throw AuditLogError(message: "cannot open audit log '\(path)': \(error.reason)")
        }
        self.logger = logger
    }

    /// The line for an entry, as written (exposed for tests).
    package static func line(for entry: Entry, at date: Date) -> String {
        var object: JSONObject = [
            "ts": .string(timestamp(date)), "tool": .string(entry.tool), "integration": .string(entry.integration),
            "kind": .string(entry.kind),
            "args_sha256": .string(SHA256.hexDigest(JSONValue.object(entry.arguments).encodedData(sortedKeys: true))),
            "outcome": .string(entry.outcome.isError ? "error" : "ok"),
        ]
        if let account = entry.account { object["account"] = .string(account) }
        if let error = entry.outcome.error { object["error_type"] = .string(error.type.rawValue) }
        if let status = entry.outcome.status { object["status"] = .int(Int64(status)) }
        object["attempts"] = .int(Int64(entry.outcome.attempts))
        let parts = entry.duration.components
        object["duration_ms"] = .int(parts.seconds * 1000 + parts.attoseconds / 1_000_000_000_000_000)
        object["bytes"] = .int(Int64(entry.outcome.text.utf8.count))
        if let traceID = entry.traceID { object["trace_id"] = .string(traceID) }
        return JSONValue.object(object).encoded()
    }

    /// Appends the entry's line; reports the first failure on stderr and stays quiet after.
    package func append(_ entry: Entry) {
        let bytes = Array((Self.line(for: entry, at: Date()) + "\n").utf8)
        do {
            try file.append(bytes)
        } catch {
            let first = failed.withLock { failed -> Bool in
                defer { failed = true }
                return !failed
            }
            if first { logger.error("cannot write the audit log: \(error.reason); calls go on") }
        }
    }

    /// RFC 3339 UTC with milliseconds: `2026-11-22T04:27:22.123Z`.
    static func timestamp(_ date: Date) -> String {
        RFC3339Timestamp.string(from: date)
    }
}

/// Why the audit log could not be opened.
package struct AuditLogError: Error, Sendable, CustomStringConvertible {
    /// The message.
    package var message: String
    /// The message.
    package var description: String { message }
}
