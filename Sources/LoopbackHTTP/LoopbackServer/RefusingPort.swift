import Synchronization

/// A port on 127.0.0.1 where nothing listens, so every connection to it is refused.
///
/// The port is held by a socket that is bound but never listening: the kernel answers a
/// connection attempt with a reset (`ECONNREFUSED` for the client), and no other socket, in this
/// process or another, can take the port until ``close()`` or deinit releases it.
///
/// ```swift
/// let refusing = try RefusingPort()
/// defer { refusing.close() }
/// let url = "http://127.0.0.1:\(refusing.port)/"
/// ```
package final class RefusingPort: Sendable {
    /// The refusing port.
    package let port: Int
    private let descriptor: Int32
    private let isClosed = Mutex(false)

    /// Reserves a kernel-chosen loopback port without listening on it; throws `SocketError` on failure.
    package init() throws {
        (descriptor, port) = try LoopbackSocket.bindWithoutListening()
    }

    deinit {
        close()
    }

    /// `"http://127.0.0.1:PORT"`, without a trailing slash.
    package var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Releases the port; idempotent. Afterwards the port may be handed to someone else.
    package func close() {
        let wasClosed = isClosed.withLock { closed in
            defer { closed = true }
            return closed
        }
        if !wasClosed { LoopbackSocket.close(descriptor) }
    }
}
