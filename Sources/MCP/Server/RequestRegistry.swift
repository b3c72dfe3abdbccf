import JSON
import Synchronization

/// The requests in flight by id, so `notifications/cancelled` can find them.
///
/// Ids are matched with their exact JSON type (`1` and `"1"` are different requests). A client
/// that reuses an id still in flight replaces the older entry (which can then no longer be
/// cancelled); the older one still finishes and is answered.
final class RequestRegistry: Sendable {
    private let entries = Mutex<[JSONValue: InFlightRequest]>([:])

    /// Registers a request; returns `false` when its id was already in flight.
    @discardableResult
    func register(_ id: JSONValue, _ request: InFlightRequest) -> Bool {
        entries.withLock { $0.updateValue(request, forKey: id) == nil }
    }

    /// Forgets a finished request (only if `id` still maps to this very request).
    func remove(_ id: JSONValue, _ request: InFlightRequest) {
        entries.withLock { entries in
            if entries[id] === request { entries[id] = nil }
        }
    }

    /// Cancels the request with `id`; returns `false` when none is in flight.
    @discardableResult
    func cancel(_ id: JSONValue) -> Bool {
        guard let request = entries.withLock({ $0[id] }) else { return false }
        request.cancel()
        return true
    }

    /// Aborts every request in flight: their work is cancelled, and each is still answered.
    func abortAll() {
        let all = entries.withLock { Array($0.values) }
        for request in all { request.abort() }
    }

    /// Cancels every request in flight (the output is gone).
    func cancelAll() {
        let all = entries.withLock { Array($0.values) }
        for request in all { request.cancel() }
    }
}
