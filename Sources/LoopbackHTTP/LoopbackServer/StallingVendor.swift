import Foundation
import Synchronization

/// A loopback HTTP endpoint that reads requests and never answers them, noting when the client hangs up.
///
/// Built for cancellation tests: a transfer to it stays in flight until the client aborts it, and
/// the abort is observed as the connection closing (end of stream or reset) on the server side.
/// Every connection has its own thread; waits wake on the events, without polling.
///
/// ```swift
/// let vendor = try StallingVendor()
/// // … point a client at vendor.baseURL, cancel its request …
/// #expect(await vendor.waitForClosedConnections(count: 1, timeout: .seconds(20)))
/// ```
public final class StallingVendor: Sendable {
    /// The TCP port the endpoint listens on.
    public let port: Int
    private let core: StallingVendorCore

    /// Starts listening on 127.0.0.1 with a kernel-chosen port; throws `SocketError` on failure.
    public init() throws {
        let (listener, port) = try LoopbackSocket.listen(backlog: 64)
        self.port = port
        let core = StallingVendorCore(listener: listener)
        self.core = core
        DedicatedThread.start(name: "stalling-accept-\(port)") { core.acceptConnections() }
    }

    deinit {
        core.stop()
    }

    /// `"http://127.0.0.1:PORT"`, without a trailing slash.
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// The request-targets (e.g. `"/items/slow"`) of every request head received so far.
    public var targets: [String] { core.snapshot.targets }

    /// How many connections the client has closed (or reset) so far.
    public var closedConnections: Int { core.snapshot.closed }

    /// Blocks until `count` request heads have arrived or `timeout` passes; returns whether they did.
    public func waitForRequests(count: Int, timeout: Duration) -> Bool {
        core.wait(timeout: timeout) { $0.targets.count >= count }
    }

    /// Blocks until the client has closed `count` connections or `timeout` passes; returns whether it did.
    public func waitForClosedConnections(count: Int, timeout: Duration) -> Bool {
        core.wait(timeout: timeout) { $0.closed >= count }
    }

    /// Suspends until `count` request heads have arrived or `timeout` passes, blocking no pool thread.
    public func waitForRequests(count: Int, timeout: Duration) async -> Bool {
        let core = core
        return await OffPool.run(name: "stalling-wait-\(port)") {
            core.wait(timeout: timeout) { $0.targets.count >= count }
        }
    }

    /// Suspends until the client has closed `count` connections or `timeout` passes, blocking no pool thread.
    public func waitForClosedConnections(count: Int, timeout: Duration) async -> Bool {
        let core = core
        return await OffPool.run(name: "stalling-wait-\(port)") {
            core.wait(timeout: timeout) { $0.closed >= count }
        }
    }

    /// Stops accepting and shuts every open connection down; idempotent, also run on deinit.
    public func stop() {
        core.stop()
    }
}

/// The state and threads behind ``StallingVendor``, kept apart so its threads do not keep the owner alive.
///
/// Invariant: a connection descriptor is shut down or closed only under the lock and only while
/// it is in `open`, so `stop()` never touches a number the kernel has reused.
private final class StallingVendorCore: Sendable {
    struct State {
        var targets: [String] = []
        var closed = 0
        var open: Set<Int32> = []
        var stopped = false
    }

    private let listener: Int32
    private let state = Mutex(State())
    private let condition = NSCondition()

    init(listener: Int32) {
        self.listener = listener
    }

    var snapshot: State { state.withLock { $0 } }

    func stop() {
        state.withLock { state in
            guard !state.stopped else { return }
            state.stopped = true
            LoopbackSocket.shutdownBoth(listener)
            for descriptor in state.open { LoopbackSocket.shutdownBoth(descriptor) }
        }
    }

    func wait(timeout: Duration, until predicate: (State) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout.timeInterval)
        condition.lock()
        defer { condition.unlock() }
        while !state.withLock({ predicate($0) }) {
            if !condition.wait(until: deadline) { return state.withLock { predicate($0) } }
        }
        return true
    }

    private func update(_ change: (inout State) -> Void) {
        condition.lock()
        state.withLock { change(&$0) }
        condition.broadcast()
        condition.unlock()
    }

    func acceptConnections() {
        while let descriptor = try? LoopbackSocket.accept(listener) {
            let admitted = state.withLock { state -> Bool in
                guard !state.stopped else { return false }
                state.open.insert(descriptor)
                return true
            }
            guard admitted else {
                LoopbackSocket.close(descriptor)
                break
            }
            DedicatedThread.start(name: "stalling-connection-\(descriptor)") { self.hold(descriptor) }
        }
        LoopbackSocket.close(listener)
    }

    /// Reads request heads and never answers; returns when the client closes or resets the connection.
    private func hold(_ descriptor: Int32) {
        var pending = Data()
        var chunk = [UInt8](repeating: 0, count: 16 << 10)
        let separator = Data("\r\n\r\n".utf8)
        while true {
            let count = (try? chunk.withUnsafeMutableBytes { try LoopbackSocket.receive(descriptor, into: $0) }) ?? 0
            guard count > 0 else { break }
            pending.append(contentsOf: chunk[..<count])
            while let end = pending.range(of: separator) {
                let head = String(decoding: pending[pending.startIndex..<end.lowerBound], as: UTF8.self)
                let requestLine = head.split(separator: "\r\n", maxSplits: 1).first ?? ""
                let parts = requestLine.split(separator: " ")
                let target = parts.count > 1 ? String(parts[1]) : ""
                update { $0.targets.append(target) }
                pending = Data(pending[end.upperBound...])
            }
        }
        state.withLock { state in
            state.open.remove(descriptor)
            LoopbackSocket.close(descriptor)
        }
        update { $0.closed += 1 }
    }
}
