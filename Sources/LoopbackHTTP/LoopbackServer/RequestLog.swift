import Dispatch
import Foundation
import Synchronization

/// The loopback server's thread-safe record of requests, with waiting and a concurrency gauge.
final class RequestLog: Sendable {
    private struct Waiter {
        let count: Int
        let signal: DispatchSemaphore
    }

    private struct State {
        var requests: [ReceivedRequest] = []
        var lastSequence = 0
        var inFlight = 0
        var peakInFlight = 0
        var waiters: [Waiter] = []
    }

    private let state = Mutex(State())

    /// Records a fully read request, counts it as in flight, and wakes waiters whose count is reached.
    func record(_ head: RequestHead, body: Data, connectionID: Int) -> ReceivedRequest {
        state.withLock { state in
            state.lastSequence += 1
            let request = ReceivedRequest(
                method: head.method,
                target: head.target,
                httpVersion: head.version,
                headers: head.headers,
                body: body,
                connectionID: connectionID,
                sequence: state.lastSequence,
                receivedAt: .now
            )
            state.requests.append(request)
            state.inFlight += 1
            state.peakInFlight = max(state.peakInFlight, state.inFlight)
            let total = state.requests.count
            state.waiters.removeAll { waiter in
                guard waiter.count <= total else { return false }
                waiter.signal.signal()
                return true
            }
            return request
        }
    }

    /// Marks one recorded request as answered (or abandoned).
    func finish() {
        state.withLock { $0.inFlight -= 1 }
    }

    /// A snapshot of the recorded requests in arrival order.
    var requests: [ReceivedRequest] { state.withLock { $0.requests } }

    /// The most requests that were between "fully read" and "reply written" at the same moment.
    var peakInFlight: Int { state.withLock { $0.peakInFlight } }

    /// Forgets recorded requests and restarts the peak gauge from the requests in flight now.
    func clear() {
        state.withLock { state in
            state.requests.removeAll()
            state.peakInFlight = state.inFlight
        }
    }

    /// Blocks the calling thread until at least `count` requests are recorded or `timeout` passes.
    ///
    /// Returns whether the count was reached. Woken by `record`, never by polling.
    func waitFor(count: Int, timeout: Duration) -> Bool {
        let signal = DispatchSemaphore(value: 0)
        let alreadyThere = state.withLock { state in
            if state.requests.count >= count { return true }
            state.waiters.append(Waiter(count: count, signal: signal))
            return false
        }
        if alreadyThere { return true }
        let outcome = signal.wait(timeout: timeout.dispatchDeadline)
        return state.withLock { state in
            if outcome == .timedOut { state.waiters.removeAll { $0.signal === signal } }
            return outcome == .success || state.requests.count >= count
        }
    }
}
