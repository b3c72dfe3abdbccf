import Dispatch
import Glibc

/// Watches SIGTERM and SIGINT while serving: the first one asks for a graceful shutdown, a
/// second one ends the process at once (exit status 128 + the signal's number).
package final class ShutdownSignals {
    private let sources: [any DispatchSourceSignal]

    /// Starts watching; `onFirst` runs once, on a dispatch queue, for the first signal.
    package init(onFirst: @escaping @Sendable (Int32) -> Void) {
        let queue = DispatchQueue(label: "switchyard.signals")
        let seen = SignalCount()
        sources = [SIGTERM, SIGINT].map { number in
            // Dispatch sees the signal only once its default action (termination) is off.
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                if seen.increment() == 1 {
                    onFirst(number)
                } else {
                    _exit(128 + number)
                }
            }
            source.resume()
            return source
        }
    }

    /// Stops watching.
    package func cancel() {
        for source in sources { source.cancel() }
    }
}

/// How many shutdown signals arrived; touched only on the signal queue.
private final class SignalCount: @unchecked Sendable {
    private var count = 0

    /// Counts one more signal and returns the total (called on the one serial signal queue only).
    func increment() -> Int {
        count += 1
        return count
    }
}
