import Foundation

/// An in-process HTTP/1.1 server on 127.0.0.1 that emulates vendor APIs for tests.
///
/// The kernel picks the port. One thread accepts and every connection gets its own thread, so a
/// reply that waits (`.delayed`) holds up only its own connection. Every request is recorded
/// before the handler runs; `waitForRequests` wakes on arrival, without polling.
///
/// ```swift
/// var router = Router()
/// router.on("GET", "/repos/{owner}/{repo}") { _, parameters in .json(#"{"name":"\#(parameters["repo"] ?? "")"}"#) }
/// let server = try LoopbackServer(router: router)
/// defer { server.stop() }
/// ```
package final class LoopbackServer: Sendable {
    /// The TCP port the server listens on.
    package let port: Int
    private let log: RequestLog
    private let registry: ConnectionRegistry

    /// The pending-connection queue length; well above the 100+ simultaneous connections tests open.
    private static let backlog: Int32 = 512

    /// Starts listening and serving; `handler` is called on a connection's thread for every request.
    ///
    /// Throws `SocketError` if the listening socket cannot be set up.
    package init(handler: @escaping @Sendable (ReceivedRequest) -> ServerReply) throws {
        let (listener, port) = try LoopbackSocket.listen(backlog: Self.backlog)
        self.port = port
        log = RequestLog()
        registry = ConnectionRegistry(listener: listener)
        let loop = AcceptLoop(listener: listener, registry: registry, log: log, handler: handler)
        DedicatedThread.start(name: "loopback-accept-\(port)") { loop.run() }
    }

    /// Starts a server that answers through `router`.
    package convenience init(router: Router) throws {
        try self.init(handler: router.reply(to:))
    }

    deinit {
        registry.stop()
    }

    /// `"http://127.0.0.1:PORT"`, without a trailing slash.
    package var baseURL: String { "http://127.0.0.1:\(port)" }

    /// `baseURL` followed by `path`, e.g. `server.url("/v1/items")`.
    package func url(_ path: String) -> String { baseURL + path }

    /// A snapshot of every request recorded since start or `reset()`, in arrival order.
    package var requests: [ReceivedRequest] { log.requests }

    /// How many connections were accepted since start or `reset()`; equal to the request count means no reuse.
    package var connectionsAccepted: Int { registry.accepted }

    /// The peak number of requests handled at once, from fully read until the reply was written.
    ///
    /// A request waiting in a `.delayed` reply counts as being handled, so with delays this shows
    /// whether a client sent requests in parallel (peak > 1) or one after another (peak 1).
    package var maxConcurrentRequests: Int { log.peakInFlight }

    /// Blocks the calling thread until `count` requests have been recorded or `timeout` passes.
    ///
    /// Returns whether the count was reached. Counts requests since start or `reset()`.
    package func waitForRequests(count: Int, timeout: Duration) -> Bool {
        log.waitFor(count: count, timeout: timeout)
    }

    /// Suspends until `count` requests have been recorded or `timeout` passes, blocking no pool thread.
    package func waitForRequests(count: Int, timeout: Duration) async -> Bool {
        let log = log
        return await OffPool.run(name: "loopback-wait-\(port)") {
            log.waitFor(count: count, timeout: timeout)
        }
    }

    /// Connections closed so far, by the client or the server (a ``ServerReply/stall`` closes only
    /// when the client does).
    package var connectionsClosed: Int { registry.closed }

    /// Suspends until `count` connections have closed or `timeout` passes, blocking no pool thread.
    package func waitForClosedConnections(count: Int, timeout: Duration) async -> Bool {
        let registry = registry
        return await OffPool.run(name: "loopback-wait-\(port)") {
            registry.waitForClosed(count: count, timeout: timeout)
        }
    }

    /// Connections accepted and not yet closed by either side.
    package var connectionsOpen: Int { registry.open }

    /// Suspends until every accepted connection has closed or `timeout` passes, blocking no pool thread.
    ///
    /// Returns whether none was left open, e.g. after a client cancelled all its transfers.
    package func waitForAllConnectionsClosed(timeout: Duration) async -> Bool {
        let registry = registry
        return await OffPool.run(name: "loopback-wait-\(port)") {
            registry.waitForNoneOpen(timeout: timeout)
        }
    }

    /// Forgets recorded requests and restarts `connectionsAccepted` and `maxConcurrentRequests`.
    ///
    /// Open connections stay open; request sequence numbers and connection IDs keep increasing.
    package func reset() {
        log.clear()
        registry.resetAcceptedCount()
    }

    /// Stops accepting and closes the listener and every open connection; idempotent, also run on deinit.
    ///
    /// Returns without waiting for connection threads: a thread waiting in `.delayed` wakes as its
    /// socket is shut down, and exits without replying.
    package func stop() {
        registry.stop()
    }
}
