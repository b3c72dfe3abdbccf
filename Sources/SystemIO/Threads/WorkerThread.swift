import Dispatch
import Synchronization

/// One long-lived, named thread that runs queued jobs one after another, in submission order.
///
/// For short blocking work (file reads and writes, `fsync`, `rename`) that must stay off Swift's
/// cooperative pool: one thread serves the whole process instead of a fresh thread per call.
/// The thread starts on the first job and then sleeps on a semaphore while nothing is queued.
/// When the system refuses to start it, the jobs queued so far run on the submitting thread — the
/// work is done and every waiter resumes — and the next submission tries again.
package final class WorkerThread: Sendable {
    private struct State {
        var jobs: [@Sendable () -> Void] = []
        var started = false
    }

    private let name: String
    private let state = Mutex(State())
    private let wakeUp = DispatchSemaphore(value: 0)

    /// A worker whose thread will be named `name`; nothing starts until ``submit(_:)``.
    package init(name: String) {
        self.name = name
    }

    /// Queues `job` to run on the worker thread.
    package func submit(_ job: @escaping @Sendable () -> Void) {
        let mustStart = state.withLock { state -> Bool in
            state.jobs.append(job)
            defer { state.started = true }
            return !state.started
        }
        if mustStart {
            do {
                try DetachedThread.start(name: name) { [self] in loop() }
            } catch {
                let stranded = state.withLock { state -> [@Sendable () -> Void] in
                    defer {
                        state.jobs = []
                        state.started = false
                    }
                    return state.jobs
                }
                for job in stranded { job() }
                return
            }
        }
        wakeUp.signal()
    }

    private func loop() {
        while true {
            wakeUp.wait()
            let jobs = state.withLock { state -> [@Sendable () -> Void] in
                defer { state.jobs = [] }
                return state.jobs
            }
            for job in jobs { job() }
        }
    }
}
