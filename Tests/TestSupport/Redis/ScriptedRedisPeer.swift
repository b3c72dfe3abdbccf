import Foundation
import Glibc
import LoopbackHTTP
import Synchronization

/// A loopback TCP server that plays a hostile or broken Redis: for each connection it reads what
/// arrives, then sends `reply` (garbage, a truncated reply, nothing at all) and closes or keeps
/// the connection open, as told. Stopped on ``stop()`` or deinit.
package final class ScriptedRedisPeer: Sendable {
    /// What the peer does after the first bytes of a connection arrive.
    package enum Behaviour: Sendable {
        /// Sends the bytes, then closes the connection.
        case replyAndClose([UInt8])
        /// Sends the bytes, then keeps the connection open without another byte.
        case replyAndStall([UInt8])
    }

    /// The TCP port.
    package let port: Int
    private let listener: Int32
    private let behaviour: Behaviour
    private let connections = Mutex<[Int32]>([])
    private let stopped = Mutex(false)

    /// Starts listening.
    package init(_ behaviour: Behaviour) throws {
        (listener, port) = try LoopbackSocket.listen(backlog: 16)
        self.behaviour = behaviour
        DedicatedThread.start(name: "scripted-redis") { [self] in acceptLoop() }
    }

    /// `redis://127.0.0.1:PORT`.
    package var url: String { "redis://127.0.0.1:\(port)" }

    /// How many connections were accepted.
    package var accepted: Int { connections.withLock { $0.count } }

    private func acceptLoop() {
        while !stopped.withLock({ $0 }) {
            guard let connection = try? LoopbackSocket.accept(listener) else { return }
            connections.withLock { $0.append(connection) }
            var buffer = [UInt8](repeating: 0, count: 4096)
            guard LoopbackSocket.waitReadable(connection, timeout: .seconds(5)) else { continue }
            _ = try? buffer.withUnsafeMutableBytes { try LoopbackSocket.receive(connection, into: $0) }
            switch behaviour {
            case .replyAndClose(let bytes):
                try? LoopbackSocket.sendAll(connection, Data(bytes))
                LoopbackSocket.shutdownBoth(connection)
            case .replyAndStall(let bytes):
                try? LoopbackSocket.sendAll(connection, Data(bytes))
            }
        }
    }

    /// Closes the listener and every connection.
    package func stop() {
        let first = stopped.withLock { stopped -> Bool in
            defer { stopped = true }
            return !stopped
        }
        guard first else { return }
        LoopbackSocket.shutdownBoth(listener)
        LoopbackSocket.close(listener)
        for connection in connections.withLock({ $0 }) { LoopbackSocket.close(connection) }
    }

    deinit { stop() }
}
