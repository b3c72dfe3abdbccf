import Catalog
import FoundationEssentials
import Glibc

/// An advisory exclusive lock on a file (`flock`), taken on a dedicated thread so a wait for
/// another process never blocks Swift's cooperative pool.
public final class FileLock: Sendable {
    private let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Opens (creating, mode 0600) and locks `path`; waits while another process holds it.
    public static func acquire(path: String) async throws(EngineError) -> FileLock {
        let result: Result<Int32, EngineError> = await withCheckedContinuation { continuation in
            DetachedThread.start(name: "switchyard-flock") {
                let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
                guard fd >= 0 else {
                    let reason = String(cString: strerror(errno))
                    continuation.resume(
                        returning: .failure(EngineError(.upstreamError, "cannot open the token lock: \(reason)")))
                    return
                }
                while flock(fd, LOCK_EX) != 0 {
                    if errno == EINTR { continue }
                    let reason = String(cString: strerror(errno))
                    close(fd)
                    continuation.resume(
                        returning: .failure(EngineError(.upstreamError, "cannot lock the token store: \(reason)")))
                    return
                }
                continuation.resume(returning: .success(fd))
            }
        }
        return FileLock(descriptor: try result.get())
    }

    /// Releases the lock (also on deinit).
    public func release() {
        flock(descriptor, LOCK_UN)
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
