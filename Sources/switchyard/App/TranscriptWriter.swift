import Engine
import FoundationEssentials
import JSON
import SystemIO

/// Appends every JSON-RPC line read and written to a file, tagged with its direction, in order
/// (`--transcript`). One JSON object per line: `{"direction": "in"|"out", "message": …}` where
/// `message` is the line's JSON, or `{"direction", "raw": "…"}` for a line that is not JSON.
/// Secrets the process knows are redacted.
final class TranscriptWriter: Sendable {
    private let file: AppendOnlyFile
    private let secrets: SecretRegistry

    init(path: String, secrets: SecretRegistry) throws(UsageError) {
        do {
            file = try AppendOnlyFile(path: path)
        } catch {
            throw UsageError("cannot open transcript '\(path)': \(error.reason)")
        }
        self.secrets = secrets
    }

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
        // A transcript that cannot be written is not worth failing the session for.
        try? file.append(bytes)
    }
}
