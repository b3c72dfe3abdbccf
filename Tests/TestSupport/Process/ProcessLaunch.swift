import Foundation
import Synchronization
import SystemIO

/// Starts child processes one at a time, each from a fresh thread.
///
/// Foundation's `Process.run()` in Swift 6.3.1 copies 256 bytes out of every `/proc/self/fd`
/// entry, past the end of glibc's directory buffer (swift-corelibs-foundation#5472); when that
/// buffer ends at the top of a heap, the copy faults and takes the whole test run down. Before
/// the first launch the test process keeps mapped slack after the top of every heap; and each
/// launch runs on a fresh thread, serialised. That thread hop is empirical, not explained: without
/// it the crash came back in two full runs of three, with it none showed in eleven. Only the
/// launch is serialised: the children then run concurrently.
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
