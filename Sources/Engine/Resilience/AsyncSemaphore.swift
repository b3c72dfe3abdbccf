import Synchronization

/// A counting semaphore for tasks: FIFO, never blocks a thread, and a cancelled waiter leaves the
/// queue at once without taking a permit.
package final class AsyncSemaphore: Sendable {
    private struct Waiter {
        let id: UInt64
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var available: Int
        var waiters: [Waiter] = []
        var nextID: UInt64 = 0
        var cancelledEarly: Set<UInt64> = []
    }

    private let state: Mutex<State>

    /// Creates a semaphore with `permits` permits.
    package init(permits: Int) {
        state = Mutex(State(available: permits))
    }

    /// Takes a permit, waiting in arrival order; throws `CancellationError` if the task is cancelled while waiting.
    package func acquire() async throws(CancellationError) {
        _ = try await acquire(until: nil)
    }

    /// Takes a permit, waiting in arrival order until `deadline` at the latest on `clock`.
    ///
    /// Returns false, holding no permit, when the deadline came first; throws `CancellationError`
    /// if the task is cancelled while waiting.
    package func acquire(
        until deadline: ContinuousClock.Instant, clock: any EngineClock
    ) async throws(CancellationError) -> Bool {
        try await acquire(until: (deadline, clock))
    }

    private struct DeadlinePassed: Error {}

    private func acquire(
        until limit: (deadline: ContinuousClock.Instant, clock: any EngineClock)?
    ) async throws(CancellationError) -> Bool {
        let id = state.withLock { state -> UInt64 in
            state.nextID += 1
            return state.nextID
        }
        defer { _ = state.withLock { $0.cancelledEarly.remove(id) } }
        let timer = Mutex<Task<Void, any Error>?>(nil)
        defer { timer.withLock { $0?.cancel() } }
        do {
            try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                    let granted = state.withLock { state -> Result<Bool, any Error> in
                        if state.cancelledEarly.contains(id) { return .failure(CancellationError()) }
                        if state.available > 0, state.waiters.isEmpty {
                            state.available -= 1
                            return .success(true)
                        }
                        // Checked under the lock: a timer that already fired found nothing to remove.
                        if let limit, limit.clock.now() >= limit.deadline { return .failure(DeadlinePassed()) }
                        state.waiters.append(Waiter(id: id, continuation: continuation))
                        return .success(false)
                    }
                    switch granted {
                    case .success(true): continuation.resume()
                    case .success(false):
                        guard let limit else { break }
                        // Only a queued waiter needs a timer. It takes the waiter out of the queue under
                        // the lock, so a permit handed over by `release` and the deadline never both win.
                        timer.withLock {
                            $0 = Task { [self] in
                                try await limit.clock.sleep(until: limit.deadline)
                                let waiter = state.withLock { state -> Waiter? in
                                    state.waiters.firstIndex { $0.id == id }.map { state.waiters.remove(at: $0) }
                                }
                                waiter?.continuation.resume(throwing: DeadlinePassed())
                            }
                        }
                    case .failure(let error): continuation.resume(throwing: error)
                    }
                }
            } onCancel: {
                let waiter = state.withLock { state -> Waiter? in
                    guard let index = state.waiters.firstIndex(where: { $0.id == id }) else {
                        // Not queued yet (or already granted): remember, so the operation does not queue.
                        state.cancelledEarly.insert(id)
                        return nil
                    }
                    return state.waiters.remove(at: index)
                }
                waiter?.continuation.resume(throwing: CancellationError())
            }
        } catch is DeadlinePassed {
            return false
        } catch {
            // The continuation is resumed with nothing else: the waiter was cancelled.
            throw CancellationError()
        }
        return true
    }

    /// Returns a permit, handing it to the longest waiter if there is one.
    package func release() {
        let next = state.withLock { state -> Waiter? in
            if state.waiters.isEmpty {
                state.available += 1
                return nil
            }
            return state.waiters.removeFirst()
        }
        next?.continuation.resume()
    }
}
