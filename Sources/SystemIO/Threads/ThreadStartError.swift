import Glibc

/// The system refused to create a thread (`pthread_create` failed, typically `EAGAIN`: a thread
/// or memory limit was reached).
public struct ThreadStartError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The name the thread would have had.
    public let name: String
    /// The error number `pthread_create` returned.
    public let code: Int32

    /// Creates the error for the thread `name` refused with `code`.
    public init(name: String, code: Int32) {
        self.name = name
        self.code = code
    }

    /// `cannot start thread <name>: <strerror>`.
    public var description: String {
        "cannot start thread \(name): \(String(cString: strerror(code)))"
    }
}
