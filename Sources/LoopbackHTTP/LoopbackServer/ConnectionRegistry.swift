import Foundation
import Synchronization

/// Owns the listener's and the connections' descriptors so that `stop()` can wake every blocked thread.
///
/// Invariant: a descriptor is shut down or closed only while the lock is held and only while it is
/// registered, so `stop()` can never touch a number the kernel has already handed to someone else.
final class ConnectionRegistry: Sendable {
    private struct State {
        var listener: Int32?
        var open: Set<Int32> = []
        var lastConnectionID = 0
        var accepted = 0
        var closed = 0
        var stopped = false
    }

    private let state: Mutex<State>
    /// Wakes ``waitForClosed(count:timeout:)`` when a connection closes.
    private let closings = NSCondition()

    /// Creates a registry that owns the listening socket `listener`.
    init(listener: Int32) {
        state = Mutex(State(listener: listener))
    }

    /// Registers a newly accepted connection and returns its ID (1 for the first), or nil after `stop()`.
    ///
    /// After `stop()` the descriptor is closed here, so the caller must not use it again.
    func admit(_ descriptor: Int32) -> Int? {
        state.withLock { state in
            guard !state.stopped else {
                LoopbackSocket.close(descriptor)
                return nil
            }
            state.open.insert(descriptor)
            state.accepted += 1
            state.lastConnectionID += 1
            return state.lastConnectionID
        }
    }

    /// Unregisters and closes a connection's descriptor; called once, by the connection's own thread.
    func close(_ descriptor: Int32) {
        state.withLock { state in
            guard state.open.remove(descriptor) != nil else { return }
            LoopbackSocket.close(descriptor)
            state.closed += 1
        }
        closings.lock()
        closings.broadcast()
        closings.unlock()
    }

    /// Connections closed so far (by either side).
    var closed: Int { state.withLock { $0.closed } }

    /// Connections accepted and not yet closed.
    var open: Int { state.withLock { $0.open.count } }

    /// Blocks until `count` connections have closed or `timeout` passes; returns whether they had.
    func waitForClosed(count: Int, timeout: Duration) -> Bool {
        waitForClosing(timeout: timeout) { $0.closed >= count }
    }

    /// Blocks until every accepted connection has closed or `timeout` passes; returns whether they had.
    ///
    /// A connection still queued in the kernel, not yet accepted, does not count.
    func waitForNoneOpen(timeout: Duration) -> Bool {
        waitForClosing(timeout: timeout) { $0.open.isEmpty }
    }

    /// Blocks until `condition` holds, re-checking it each time a connection closes, or `timeout` passes.
    private func waitForClosing(timeout: Duration, until condition: (State) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout.timeInterval)
        closings.lock()
        defer { closings.unlock() }
        while !state.withLock({ condition($0) }) {
            if !closings.wait(until: deadline) { return state.withLock { condition($0) } }
        }
        return true
    }

    /// Closes the listening socket; called once, by the accept thread as it exits.
    func closeListener() {
        state.withLock { state in
            guard let listener = state.listener else { return }
            state.listener = nil
            LoopbackSocket.close(listener)
        }
    }

    /// How many connections have been accepted since the server started or `resetAcceptedCount()`.
    var accepted: Int { state.withLock { $0.accepted } }

    /// True once `stop()` has run.
    var isStopped: Bool { state.withLock { $0.stopped } }

    /// Restarts the accepted-connection count at zero; connection IDs keep increasing regardless.
    func resetAcceptedCount() {
        state.withLock { $0.accepted = 0 }
    }

    /// Refuses new connections and shuts every socket down, waking the accept and connection threads.
    ///
    /// The threads then close their own descriptors; `stop()` itself only shuts them down.
    func stop() {
        state.withLock { state in
            guard !state.stopped else { return }
            state.stopped = true
            if let listener = state.listener { LoopbackSocket.shutdownBoth(listener) }
            for descriptor in state.open { LoopbackSocket.shutdownBoth(descriptor) }
        }
    }
}
