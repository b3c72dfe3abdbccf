import Synchronization

/// A single-consumer queue whose `next()` waits for the next element and gives up (returning
/// `nil`) when the queue is finished or the waiting task is cancelled (as by ``withTimeout``).
final class Inbox<Element: Sendable>: Sendable {
    private struct State {
        var buffered: [Element] = []
        var finished = false
        var waiter: (id: UInt64, continuation: CheckedContinuation<Element?, Never>)?
        var cancelled: Set<UInt64> = []
        var lastID: UInt64 = 0
    }

    private let state = Mutex(State())

    /// Adds an element, handing it to a waiting consumer if there is one.
    func append(_ element: Element) {
        let waiter = state.withLock { state -> CheckedContinuation<Element?, Never>? in
            guard let waiter = state.waiter else {
                state.buffered.append(element)
                return nil
            }
            state.waiter = nil
            return waiter.continuation
        }
        waiter?.resume(returning: element)
    }

    /// Marks the end: once the buffer is empty, `next()` returns `nil`.
    func finish() {
        let waiter = state.withLock { state -> CheckedContinuation<Element?, Never>? in
            state.finished = true
            defer { state.waiter = nil }
            return state.waiter?.continuation
        }
        waiter?.resume(returning: nil)
    }

    /// The next element, or `nil` when finished or cancelled.
    func next() async -> Element? {
        let id = state.withLock { state -> UInt64 in
            state.lastID += 1
            return state.lastID
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Element?, Never>) in
                let immediate = state.withLock { state -> Element?? in
                    if !state.buffered.isEmpty { return .some(state.buffered.removeFirst()) }
                    if state.finished || state.cancelled.contains(id) { return .some(nil) }
                    state.waiter = (id, continuation)
                    return .none
                }
                if let immediate { continuation.resume(returning: immediate) }
            }
        } onCancel: {
            let waiter = state.withLock { state -> CheckedContinuation<Element?, Never>? in
                state.cancelled.insert(id)
                guard let waiter = state.waiter, waiter.id == id else { return nil }
                state.waiter = nil
                return waiter.continuation
            }
            waiter?.resume(returning: nil)
        }
    }
}
