import Glibc

/// A failed socket system call, carrying the call's name and the `errno` it left behind.
public struct SocketError: Error, Sendable, CustomStringConvertible {
    /// The system call that failed, e.g. `"connect"` or `"recv"`.
    public let operation: String
    /// The `errno` value, e.g. `ECONNRESET` when the peer reset the connection.
    public let code: Int32

    /// Creates an error for `operation` with an explicit `errno` value.
    public init(_ operation: String, code: Int32) {
        self.operation = operation
        self.code = code
    }

    /// Creates an error for `operation` from the calling thread's current `errno`.
    init(_ operation: String) {
        self.init(operation, code: errno)
    }

    /// True when the peer reset the connection (`ECONNRESET` or `EPIPE`).
    public var isConnectionReset: Bool { code == ECONNRESET || code == EPIPE }

    /// True when a receive timed out (`SO_RCVTIMEO` expired).
    public var isTimeout: Bool { code == EAGAIN || code == EWOULDBLOCK }

    /// The call name and the system's text for the error number.
    public var description: String {
        "\(operation) failed: \(String(cString: strerror(code))) (errno \(code))"
    }
}
