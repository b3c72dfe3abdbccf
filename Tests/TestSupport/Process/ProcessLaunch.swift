import Foundation

/// Starts child processes one at a time.
///
/// Foundation's `Process.run()` on Linux has been seen to crash (a bad pointer in its memcpy)
/// when several test threads launch children at the same moment; launching through this one
/// lock keeps the suites running side by side from doing that. Only the launch is serialised:
/// the children then run concurrently.
public enum ProcessLaunch {
    private static let lock = NSLock()

    /// Runs `process`, waiting for any other launch in progress to finish first.
    public static func run(_ process: Process) throws {
        lock.lock()
        defer { lock.unlock() }
        try process.run()
    }
}
