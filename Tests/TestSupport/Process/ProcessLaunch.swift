import Foundation
import Synchronization
import SystemIO

/// Starts child processes one at a time, each from a fresh thread with a large stack.
///
/// Foundation's `Process.run()` on Linux crashed under the full suite — a memcpy running into a
/// guard page, both from pool threads and from dedicated ones — when many tests launched children
/// at once. Launching through this one lock, on a thread of 16 MiB of stack, keeps the suites out
/// of that path. Only the launch is serialised: the children then run concurrently.
package enum ProcessLaunch {
    private static let lock = NSLock()
    /// Set once, before the first launch: every heap keeps mapped slack after its top, so
    /// Foundation's over-read past a `/proc/self/fd` dirent (swift-corelibs-foundation#5472, in
    /// Swift 6.3.1) never reaches an unmapped page.
    private static let heapSlack: Void = MemoryRelease.keepHeapSlack()

    /// Runs `process`, waiting for any other launch in progress to finish first.
    package static func run(_ process: Process) throws {
        _ = heapSlack
        lock.lock()
        defer { lock.unlock() }
        let outcome = Mutex<Result<Void, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        let box = ProcessBox(process: process)
        let thread = Thread {
            let result = Result { try box.process.run() }
            outcome.withLock { $0 = result }
            done.signal()
        }
        thread.stackSize = 16 << 20
        thread.name = "process-launch"
        thread.start()
        done.wait()
        try outcome.withLock { $0 }?.get()
    }
}

/// A `Process` handed to the launching thread (Foundation's `Process` is not `Sendable`; only that
/// thread touches it until the launch is over, and the caller waits for it).
private final class ProcessBox: @unchecked Sendable {
    let process: Process

    init(process: Process) {
        self.process = process
    }
}
