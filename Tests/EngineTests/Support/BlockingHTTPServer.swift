import Foundation
import Glibc
import Synchronization

/// A tiny HTTP/1.1 server on 127.0.0.1 for transport tests: blocking sockets, one thread per
/// connection, keep-alive, canned replies chosen per request, and a record of what it saw.
///
/// Independent of the shared test server in TestSupport so that transport tests can exercise
/// wire-level behaviour (delays, resets, close-delimited bodies, interim responses).
final class BlockingHTTPServer: Sendable {
    /// Why the server could not start.
    struct StartError: Error {
        /// The failing call and its errno.
        var message: String
    }

    private struct Waiter {
        var id: Int
        var condition: @Sendable (ServerActivity) -> Bool
        var continuation: CheckedContinuation<Bool, Never>
    }

    private struct State {
        var activity = ServerActivity()
        var openSockets: Set<Int32> = []
        var stopped = false
        var waiters: [Waiter] = []
        var lastWaiterID = 0
        var expiredWaiters: Set<Int> = []
    }

    /// The port the server listens on.
    let port: UInt16
    private let listener: Int32
    private let reply: @Sendable (RecordedRequest) -> CannedReply
    private let state = Mutex(State())

    /// The base URL, `http://127.0.0.1:<port>`.
    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Starts listening on an ephemeral port; `reply` decides the answer to each request.
    init(reply: @escaping @Sendable (RecordedRequest) -> CannedReply) throws {
        let socket = try Self.boundSocket()
        guard listen(socket, 128) == 0 else {
            close(socket)
            throw StartError(message: "listen: errno \(errno)")
        }
        listener = socket
        port = try Self.localPort(of: socket)
        self.reply = reply
        let acceptor = Thread { [self] in acceptConnections() }
        acceptor.name = "test-http-accept"
        acceptor.start()
    }

    /// Stops accepting, ends every open connection and fails pending waits.
    func stop() {
        let waiters = state.withLock { state in
            state.stopped = true
            for socket in state.openSockets { shutdown(socket, Int32(SHUT_RDWR)) }
            defer { state.waiters.removeAll() }
            return state.waiters
        }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        waiters.forEach { $0.continuation.resume(returning: false) }
    }

    /// A snapshot of what the server has seen.
    var activity: ServerActivity { state.withLock { $0.activity } }

    /// Waits until `condition` holds for the server's activity, or `timeout` passes; returns whether it held.
    func wait(
        timeout: Duration = .seconds(10), until condition: @escaping @Sendable (ServerActivity) -> Bool
    ) async -> Bool {
        let id = state.withLock { state in
            state.lastWaiterID += 1
            return state.lastWaiterID
        }
        let timer = Task {
            try? await Task.sleep(for: timeout)
            self.resumeWaiter(id, with: false)
        }
        defer { timer.cancel() }
        return await withCheckedContinuation { continuation in
            let satisfied = state.withLock { state in
                if condition(state.activity) || state.stopped { return true }
                if state.expiredWaiters.remove(id) != nil { return true }
                state.waiters.append(Waiter(id: id, condition: condition, continuation: continuation))
                return false
            }
            if satisfied { continuation.resume(returning: condition(activity)) }
        }
    }

    private func resumeWaiter(_ id: Int, with value: Bool) {
        let waiter: Waiter? = state.withLock { state in
            guard let index = state.waiters.firstIndex(where: { $0.id == id }) else {
                state.expiredWaiters.insert(id)
                return nil
            }
            return state.waiters.remove(at: index)
        }
        waiter?.continuation.resume(returning: value)
    }

    /// Applies a change to the activity record and wakes the waits it satisfies.
    func record(_ change: (inout ServerActivity) -> Void) {
        let ready = state.withLock { state in
            change(&state.activity)
            let activity = state.activity
            let ready = state.waiters.filter { $0.condition(activity) }
            state.waiters.removeAll { $0.condition(activity) }
            return ready
        }
        ready.forEach { $0.continuation.resume(returning: true) }
    }

    /// The canned reply for a request.
    func answer(to request: RecordedRequest) -> CannedReply { reply(request) }

    /// Closes a connection socket and records that it ended.
    func closeConnection(_ socket: Int32) {
        state.withLock { state in
            state.openSockets.remove(socket)
            close(socket)
        }
        record { $0.closedConnections += 1 }
    }

    private func acceptConnections() {
        while true {
            let socket = accept(listener, nil, nil)
            if socket < 0 {
                if errno == EINTR { continue }
                return
            }
            let number: Int? = state.withLock { state in
                guard !state.stopped else { return nil }
                state.openSockets.insert(socket)
                state.activity.acceptedConnections += 1
                return state.activity.acceptedConnections
            }
            guard let number else {
                close(socket)
                return
            }
            let connection = Thread { [self] in serve(socket, connection: number) }
            connection.name = "test-http-connection"
            connection.start()
        }
    }

    private static func boundSocket() throws -> Int32 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw StartError(message: "socket: errno \(errno)") }
        var reuse: Int32 = 1
        setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else {
            close(socket)
            throw StartError(message: "bind: errno \(errno)")
        }
        return socket
    }

    private static func localPort(of socket: Int32) throws -> UInt16 {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let found = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        guard found == 0 else { throw StartError(message: "getsockname: errno \(errno)") }
        return UInt16(bigEndian: address.sin_port)
    }

    /// A port on 127.0.0.1 that refuses connections, and the socket holding it (bound, not
    /// listening, so nothing else takes the port); close the socket when done.
    static func refusingPort() throws -> (port: UInt16, socket: Int32) {
        let socket = try boundSocket()
        return (try localPort(of: socket), socket)
    }
}
