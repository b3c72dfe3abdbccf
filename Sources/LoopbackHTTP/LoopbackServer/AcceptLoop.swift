import Foundation
import Glibc

/// Accepts connections on the listening socket and gives each one its own `ConnectionWorker` thread.
struct AcceptLoop: Sendable {
    /// The listening socket, owned by `registry`.
    let listener: Int32
    /// Registers connections and closes the listener when the loop ends.
    let registry: ConnectionRegistry
    /// Where workers record requests.
    let log: RequestLog
    /// Decides the reply to each request.
    let handler: @Sendable (ReceivedRequest) -> ServerReply

    /// Accepts until the server stops (which makes `accept` fail) or the listener breaks for good.
    func run() {
        while true {
            let descriptor: Int32
            do {
                descriptor = try LoopbackSocket.accept(listener)
            } catch let error as SocketError where !registry.isStopped && Self.isTransient(error.code) {
                continue
            } catch let error as SocketError where !registry.isStopped && Self.isExhaustion(error.code) {
                // Out of descriptors: the pending connection stays queued; back off briefly instead of
                // spinning, and retry once some test has closed its sockets.
                Thread.sleep(forTimeInterval: 0.01)
                continue
            } catch {
                break
            }
            guard let connectionID = registry.admit(descriptor) else { break }
            let worker = ConnectionWorker(
                descriptor: descriptor,
                connectionID: connectionID,
                log: log,
                registry: registry,
                handler: handler
            )
            DedicatedThread.start(name: "loopback-connection-\(connectionID)") { worker.run() }
        }
        registry.closeListener()
    }

    /// Errors after which `accept` can simply be called again (a client gave up while queued).
    private static func isTransient(_ code: Int32) -> Bool {
        code == ECONNABORTED || code == EPROTO || code == EPERM
    }

    /// Errors that mean the process or system ran out of resources for a moment.
    private static func isExhaustion(_ code: Int32) -> Bool {
        code == EMFILE || code == ENFILE || code == ENOBUFS || code == ENOMEM
    }
}
