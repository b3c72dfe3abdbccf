import Glibc

/// An advisory exclusive lock on a file (`flock`), taken off Swift's cooperative pool.
///
/// The lock is first tried without waiting on the file worker thread (``BlockingFileWork``); only
/// when another holder has it does a thread of its own wait, so a long wait for another process
/// never holds up the file work of this one.
package final class FileLock: Sendable {
    private let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Opens (creating, mode 0600) and locks `path`; waits while another holder has it.
    package static func acquire(path: String) async throws(FileLockError) -> FileLock {
        let attempt: Result<(descriptor: Int32, locked: Bool), FileLockError> = await BlockingFileWork.run {
            let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
            guard fd >= 0 else { return .failure(FileLockError(.open, reason: SystemReason.text(errno))) }
            while flock(fd, LOCK_EX | LOCK_NB) != 0 {
                let code = errno
                if code == EINTR { continue }
                if code == EWOULDBLOCK { return .success((fd, false)) }
                close(fd)
                return .failure(FileLockError(.lock, reason: SystemReason.text(code)))
            }
            return .success((fd, true))
        }
        let (fd, locked) = try attempt.get()
        if locked { return FileLock(descriptor: fd) }
        let waited: Result<Void, FileLockError> = await withCheckedContinuation { continuation in
            do throws(ThreadStartError) {
                try DetachedThread.start(name: "switchyard.flock") { continuation.resume(returning: waitForLock(fd)) }
            } catch {
                continuation.resume(returning: .failure(FileLockError(.lock, reason: error.description)))
            }
        }
        if case .failure(let error) = waited {
            close(fd)
            throw error
        }
        return FileLock(descriptor: fd)
    }

    /// Locks `fd`, waiting as long as another holder keeps it.
    private static func waitForLock(_ fd: Int32) -> Result<Void, FileLockError> {
        while flock(fd, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            return .failure(FileLockError(.lock, reason: SystemReason.text(errno)))
        }
        return .success(())
    }

    /// Releases the lock (also on deinit).
    package func release() {
        flock(descriptor, LOCK_UN)
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
