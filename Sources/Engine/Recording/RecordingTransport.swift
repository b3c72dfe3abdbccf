import FoundationEssentials
import JSON
import SystemIO

/// Wraps a transport and appends every exchange to a cassette file, secrets redacted (DESIGN.md §6).
///
/// Each line is written with one `write(2)` on a file opened with `O_APPEND`, under a lock, so
/// concurrent transfers never interleave. Failed transfers (no response) are not recorded.
package final class RecordingTransport: HTTPTransport {
    private let inner: any HTTPTransport
    private let secrets: SecretRegistry
    private let file: AppendOnlyFile
    private let logger: Logger
    /// The key this recording seals cursors and request state with: the cassette's own when the
    /// file already has one (appending to a recording), else a fresh random key written into it
    /// first, so a replay of the cassette resumes the recorded cursors (DESIGN.md §6).
    package let cursorKey: [UInt8]

    /// Opens (creating, mode 0600) the cassette for appending.
    package init(wrapping inner: any HTTPTransport, path: String, secrets: SecretRegistry, logger: Logger)
        throws(CassetteError)
    {
        let file: AppendOnlyFile
        do {
            file = try AppendOnlyFile(path: path)
        } catch {
            throw CassetteError(message: "cannot open recording '\(path)': \(error.reason)")
        }
        self.inner = inner
        self.secrets = secrets
        self.file = file
        self.logger = logger
        let existing = FileManager.default.contents(atPath: path).flatMap { data in
            String(decoding: data, as: UTF8.self).split(separator: "\n").lazy.compactMap(CassetteMetadata.cursorKey)
                .first
        }
        if let existing {
            cursorKey = existing
        } else {
            cursorKey = TokenSealer.randomKey()
            let bytes = Array((CassetteMetadata.line(cursorKey: cursorKey) + "\n").utf8)
            do {
                try file.append(bytes)
            } catch {
                throw CassetteError(message: "cannot write to recording '\(path)': \(error.reason)")
            }
        }
    }

    /// Sends through the wrapped transport and records the exchange.
    package func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse {
        let response = try await inner.send(request)
        let line = CassetteEntry(request: request, response: response).line(redactor: secrets.redactor()) + "\n"
        let bytes = Array(line.utf8)
        do {
            try file.append(bytes)
        } catch {
            logger.error("cannot append to the recording: \(error.reason)")
        }
        return response
    }
}
