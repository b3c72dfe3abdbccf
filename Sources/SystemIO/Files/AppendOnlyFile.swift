import Glibc
import Synchronization

/// A file that only grows, one record at a time: opened (created with mode 0600) for appending,
/// each record written with one `write(2)` under a lock, so concurrent writers never interleave
/// and a reader sees whole lines. For recordings, transcripts and audit logs.
package final class AppendOnlyFile: Sendable {
    /// The file.
    package let path: String
    private let descriptor: Int32
    private let lock = Mutex(())

    /// Opens (creating, mode 0600) `path` for appending.
    package init(path: String) throws(FileError) {
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw FileError("cannot open", path: path, code: errno) }
        self.path = path
        descriptor = fd
    }

    deinit { close(descriptor) }

    /// Checks that `path` can be opened for appending (creating it), without keeping it open.
    package static func checkWritable(_ path: String) throws(FileError) {
        _ = try AppendOnlyFile(path: path)
    }

    /// Appends `bytes` whole (a partial write is continued, `EINTR` retried).
    package func append(_ bytes: [UInt8]) throws(FileError) {
        let failure: Int32? = lock.withLock { _ in
            var offset = 0
            while offset < bytes.count {
                let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
                if written < 0, errno == EINTR { continue }
                guard written > 0 else { return written < 0 ? errno : EIO }
                offset += written
            }
            return nil
        }
        if let failure { throw FileError("cannot write to", path: path, code: failure) }
    }
}
