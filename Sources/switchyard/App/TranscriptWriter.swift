import Engine
import FoundationEssentials
import Glibc
import JSON
import Synchronization

/// Appends every JSON-RPC line read and written to a file, tagged with its direction, in order
/// (`--transcript`). One JSON object per line: `{"direction": "in"|"out", "message": …}` where
/// `message` is the line's JSON, or `{"direction", "raw": "…"}` for a line that is not JSON.
/// Secrets the process knows are redacted.
final class TranscriptWriter: Sendable {
    private let descriptor: Int32
    private let lock = Mutex(())
    private let secrets: SecretRegistry

    init(path: String, secrets: SecretRegistry) throws(UsageError) {
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw UsageError("cannot open transcript '\(path)': \(String(cString: strerror(errno)))") }
        descriptor = fd
        self.secrets = secrets
    }

    deinit { close(descriptor) }

    /// Records one line in one direction.
    func record(incoming: Bool, line: [UInt8]) {
        var object: JSONObject = ["direction": .string(incoming ? "in" : "out")]
        let redactor = secrets.redactor()
        if let message = try? JSONParser.parse(line) {
            object["message"] = redactor.redact(message)
        } else {
            object["raw"] = .string(redactor.redact(String(decoding: line.prefix(1 << 20), as: UTF8.self)))
        }
        let bytes = Array((JSONValue.object(object).encoded() + "\n").utf8)
        lock.withLock { _ in
            _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        }
    }
}
