/// Why a ``FileLock`` could not be taken.
public struct FileLockError: Error, Sendable, Equatable {
    /// Which step failed.
    public enum Step: Sendable, Equatable {
        /// Opening (or creating) the lock file.
        case open
        /// Locking it, or starting the thread that waits for it.
        case lock
    }

    /// Which step failed.
    public let step: Step
    /// The system's reason (`strerror`), or what else went wrong.
    public let reason: String

    /// Creates the error.
    public init(_ step: Step, reason: String) {
        self.step = step
        self.reason = reason
    }
}
