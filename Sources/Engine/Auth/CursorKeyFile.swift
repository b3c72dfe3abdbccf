import FoundationEssentials
import JSON
import SystemIO

/// The installation's secret cursor key: 32 random bytes kept as hex in `cursor.key` in the state
/// directory (file mode 0600, directory 0700), created on first use, so cursors handed to the
/// model survive a restart of the same installation and no other installation can mint them.
///
/// Creation is race-free across processes: the key is written to a temporary file that is then
/// hard-linked into place, so two processes starting at once agree on one key and nobody ever
/// reads a half-written file.
package struct CursorKeyFile: Sendable {
    /// The state directory.
    package let directory: String

    /// The key file in `directory`.
    package init(directory: String) {
        self.directory = directory
    }

    /// The key file's path.
    package var path: String { directory + "/cursor.key" }

    /// The stored key, created first when there is none. Runs its file work off the cooperative pool.
    package func loadOrCreate() async throws(EngineError) -> [UInt8] {
        let file = self
        return try await BlockingFileWork.run { () throws(EngineError) in try file.loadOrCreateNow() }
    }

    /// Like ``loadOrCreate()``, on the calling thread.
    func loadOrCreateNow() throws(EngineError) -> [UInt8] {
        if let existing = try stored() { return existing }
        try prepareDirectory()
        let text = Array((Hex.encode(TokenSealer.randomKey()) + "\n").utf8)
        // When another process won the race to create it, its key is the key.
        do {
            _ = try PrivateFile.createOnce(path, with: text)
        } catch {
            throw failure(error)
        }
        guard let key = try stored() else { throw damaged() }
        return key
    }

    /// The key in the file, `nil` when there is no file; a damaged file is an error, never replaced
    /// silently.
    private func stored() throws(EngineError) -> [UInt8]? {
        let bytes: [UInt8]
        do {
            guard let read = try PrivateFile.read(path, limit: 256) else { return nil }
            bytes = read
        } catch {
            throw failure(error)
        }
        guard !bytes.isEmpty else { throw damaged() }
        let text = String(decoding: bytes, as: UTF8.self).trimmingWhitespaceAndNewlines()
        guard let key = Hex.decode(text), key.count >= 16 else { throw damaged() }
        return key
    }

    private func prepareDirectory() throws(EngineError) {
        try StateDirectory.prepare(directory)
        // The key is the installation's secret: its directory is the owner's alone, even when it
        // was made before by something else.
        PrivateFile.restrictDirectory(directory)
    }

    private func failure(_ error: FileError) -> EngineError {
        EngineError(
            .upstreamError, "\(error.action) the cursor key \(path): \(error.reason)", retryable: false)
    }

    private func damaged() -> EngineError {
        EngineError(
            .upstreamError,
            "the cursor key \(path) is damaged (expected hex); delete it to make a new one (cursors issued before stop working)",
            retryable: false)
    }
}
