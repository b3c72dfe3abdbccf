import FoundationEssentials
import Glibc
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
        let temporary = path + ".tmp-\(getpid())-\(UInt32.random(in: .min ... .max))"
        let text = Array((Hex.encode(TokenSealer.randomKey()) + "\n").utf8)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw failure("cannot write", errno) }
        let written = text.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        let synced = fsync(fd) == 0
        close(fd)
        defer { unlink(temporary) }
        guard written == text.count, synced else { throw failure("cannot write", errno) }
        // link(2) fails with EEXIST when another process won the race: then its key is the key.
        if link(temporary, path) != 0, errno != EEXIST { throw failure("cannot create", errno) }
        guard let key = try stored() else { throw failure("cannot read", ENOENT) }
        return key
    }

    /// The key in the file, `nil` when there is no file; a damaged file is an error, never replaced
    /// silently.
    private func stored() throws(EngineError) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { return nil }
            throw failure("cannot read", errno)
        }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
        guard count > 0 else { throw damaged() }
        let text = String(decoding: buffer[0..<count], as: UTF8.self).trimmingWhitespaceAndNewlines()
        guard let key = Hex.decode(text), key.count >= 16 else { throw damaged() }
        return key
    }

    private func prepareDirectory() throws(EngineError) {
        try StateDirectory.prepare(directory)
        // The key is the installation's secret: its directory is the owner's alone, even when it
        // was made before by something else.
        chmod(directory, 0o700)
    }

    private func failure(_ what: String, _ code: Int32) -> EngineError {
        EngineError(
            .upstreamError, "\(what) the cursor key \(path): \(String(cString: strerror(code)))", retryable: false)
    }

    private func damaged() -> EngineError {
        EngineError(
            .upstreamError,
            "the cursor key \(path) is damaged (expected hex); delete it to make a new one (cursors issued before stop working)",
            retryable: false)
    }
}
