import Glibc

/// A failed socket system call, carrying the call's name and the `errno` it left behind.
package struct SocketError: Error, Sendable, CustomStringConvertible {
    /// The system call that failed, e.g. `"connect"` or `"recv"`.
    package let operation: String
    /// The `errno` value, e.g. `ECONNRESET` when the peer reset the connection.
    package let code: Int32

    /// Creates an error for `operation` with an explicit `errno` value.
    package init(_ operation: String, code: Int32) {
        self.operation = operation
        self.code = code
    }

    /// Creates an error for `operation` from the calling thread's current `errno`.
    init(_ operation: String) {
        self.init(operation, code: errno)
    }

    /// True when the peer reset the connection (`ECONNRESET` or `EPIPE`).
    package var isConnectionReset: Bool { code == ECONNRESET || code == EPIPE }

    /// True when nothing listens on the port connected to (`ECONNREFUSED`).
    package var isConnectionRefused: Bool { code == ECONNREFUSED }

    /// True when a receive timed out (`SO_RCVTIMEO` expired).
    package var isTimeout: Bool { code == EAGAIN || code == EWOULDBLOCK }

    /// The call name and the system's text for the error number.
    package var description: String {
        "\(operation) failed: \(String(cString: strerror(code))) (errno \(code))"
    }
}
