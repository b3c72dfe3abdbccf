/// Why a ``FileLock`` could not be taken.
package struct FileLockError: Error, Sendable, Equatable {
    /// Which step failed.
    package enum Step: Sendable, Equatable {
        /// Opening (or creating) the lock file.
        case open
        /// Locking it, or starting the thread that waits for it.
        case lock
    }

    /// Which step failed.
    package let step: Step
    /// The system's reason (`strerror`), or what else went wrong.
    package let reason: String

    /// Creates the error.
    package init(_ step: Step, reason: String) {
        self.step = step
        self.reason = reason
    }
}
