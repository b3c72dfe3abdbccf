import Engine
import Foundation
import Synchronization
import TestSupport

/// An in-memory vendor for the engine: each request is answered by a script, in virtual time on a
/// ``ManualClock``, with no socket. For tests of the engine's own rules (retries, rate limits,
/// deadlines, backoff); the libcurl transport keeps its socket tests (`CurlTransportTests`).
final class ScriptedTransport: HTTPTransport {
    /// A request as the vendor saw it.
    struct Incoming: Sendable {
        /// The method.
        let method: String
        /// The path, without the query.
        let path: String
        /// The request's headers.
        let headers: HTTPHeaders
        /// The body as text.
        let bodyText: String
        /// 1 for the first request with this method and path, 2 for the second, …
        let sequence: Int
        /// When it arrived, in virtual time.
        let at: ContinuousClock.Instant
        /// The vendor's wall-clock time when it arrived.
        let wallTime: Date
    }

    /// How the vendor answers.
    indirect enum Reply: Sendable {
        /// A response.
        case response(status: Int, headers: [(String, String)], body: String)
        /// The transfer fails the way libcurl would report it.
        case failure(TransportError.Kind)
        /// The reply after a virtual delay; a delay beyond the request's timeout is a timeout.
        case delayed(Duration, Reply)
        /// The reply once the test calls ``releaseHeld()`` (or cancellation, when the task is cancelled).
        case held(Reply)

        /// A JSON response.
        static func json(_ status: Int, _ body: String, headers: [(String, String)] = []) -> Reply {
            .response(status: status, headers: [("Content-Type", "application/json")] + headers, body: body)
        }

        /// A 200 JSON response.
        static func json(_ body: String, headers: [(String, String)] = []) -> Reply {
            json(200, body, headers: headers)
        }
    }

    private struct State {
        var requests: [Incoming] = []
        var counts: [String: Int] = [:]
        var inFlight = 0
        var maxInFlight = 0
        var held: [UInt64: CheckedContinuation<Bool, Never>] = [:]
        var cancelledEarly: Set<UInt64> = []
        var watchers: [UInt64: (count: Int, continuation: CheckedContinuation<Bool, Never>)] = [:]
        var nextID: UInt64 = 0
    }

    /// The clock delays run on.
    let clock: ManualClock
    private let script: @Sendable (Incoming) -> Reply
    private let state = Mutex(State())

    /// A vendor answering each request with `script`'s reply.
    init(clock: ManualClock, script: @escaping @Sendable (Incoming) -> Reply) {
        self.clock = clock
        self.script = script
    }

    /// Every request received, in arrival order.
    var requests: [Incoming] { state.withLock { $0.requests } }

    /// The most requests that were in flight at once.
    var maxInFlight: Int { state.withLock { $0.maxInFlight } }

    /// Answers one request as the script says.
    func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse {
        if Task.isCancelled { throw TransportError(.cancelled, "the request was cancelled before it was sent") }
        let (path, method) = (Self.path(of: request.url), request.method)
        let incoming = state.withLock { state -> Incoming in
            let key = method + " " + path
            state.counts[key, default: 0] += 1
            let incoming = Incoming(
                method: method, path: path, headers: request.headers,
                bodyText: request.body.map { String(decoding: $0, as: UTF8.self) } ?? "",
                sequence: state.counts[key] ?? 1, at: clock.now(), wallTime: clock.wallTime())
            state.requests.append(incoming)
            state.inFlight += 1
            state.maxInFlight = max(state.maxInFlight, state.inFlight)
            return incoming
        }
        defer { state.withLock { $0.inFlight -= 1 } }
        return try await answer(script(incoming), timeout: request.timeout)
    }

    private func answer(_ reply: Reply, timeout: Duration?) async throws(TransportError) -> HTTPResponse {
        switch reply {
        case .response(let status, let headers, let body):
            return HTTPResponse(
                status: status, headers: HTTPHeaders(headers.map { (name: $0.0, value: $0.1) }), body: Data(body.utf8))
        case .failure(let kind):
            throw TransportError(kind, "scripted \(kind)")
        case .delayed(let delay, let next):
            let expires = timeout.map { $0 < delay } ?? false
            do {
                try await clock.sleep(until: clock.now() + (expires ? timeout ?? delay : delay))
            } catch {
                throw TransportError(.cancelled, "the request was cancelled")
            }
            if expires { throw TransportError(.timeout, "scripted timeout") }
            return try await answer(next, timeout: timeout.map { $0 - delay })
        case .held(let next):
            guard await hold() else { throw TransportError(.cancelled, "the request was cancelled") }
            return try await answer(next, timeout: timeout)
        }
    }

    /// Suspends until ``releaseHeld()``; `false` when the task was cancelled first.
    private func hold() async -> Bool {
        let id = state.withLock { state -> UInt64 in
            state.nextID += 1
            return state.nextID
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
                let (cancelled, watchers) = state.withLock { state -> (Bool, [CheckedContinuation<Bool, Never>]) in
                    if state.cancelledEarly.remove(id) != nil { return (true, []) }
                    state.held[id] = continuation
                    let ready = state.watchers.filter { $0.value.count <= state.held.count }
                    for id in ready.keys { state.watchers.removeValue(forKey: id) }
                    return (false, ready.values.map(\.continuation))
                }
                if cancelled { continuation.resume(returning: false) }
                for watcher in watchers { watcher.resume(returning: true) }
            }
        } onCancel: {
            let waiter = state.withLock { state -> CheckedContinuation<Bool, Never>? in
                guard let waiter = state.held.removeValue(forKey: id) else {
                    state.cancelledEarly.insert(id)
                    return nil
                }
                return waiter
            }
            waiter?.resume(returning: false)
        }
    }

    /// Lets every held request be answered.
    func releaseHeld() {
        let held = state.withLock { state -> [CheckedContinuation<Bool, Never>] in
            defer { state.held = [:] }
            return Array(state.held.values)
        }
        for waiter in held { waiter.resume(returning: true) }
    }

    /// Suspends until at least `count` requests are held (see ``Reply/held(_:)``) or `timeout` of
    /// real time passes; returns whether they were.
    func waitForHeld(_ count: Int, timeout: Duration) async -> Bool {
        let id = state.withLock { state -> UInt64 in
            state.nextID += 1
            return state.nextID
        }
        let timer = Task {
            try? await Task.sleep(for: timeout)
            let watcher = state.withLock { $0.watchers.removeValue(forKey: id) }
            watcher?.continuation.resume(returning: false)
        }
        defer { timer.cancel() }
        return await withCheckedContinuation { continuation in
            let ready = state.withLock { state -> Bool in
                if state.held.count >= count { return true }
                state.watchers[id] = (count, continuation)
                return false
            }
            if ready { continuation.resume(returning: true) }
        }
    }

    /// The path of an absolute URL, without its query.
    private static func path(of url: String) -> String {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        let path = rest[slash...]
        return String(path.prefix { $0 != "?" })
    }
}
