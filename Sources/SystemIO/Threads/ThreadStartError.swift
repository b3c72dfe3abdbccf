/// The system refused to create a thread (`pthread_create` failed, typically `EAGAIN`: a thread
/// or memory limit was reached).
package struct ThreadStartError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The name the thread would have had.
    package let name: String
    /// The error number `pthread_create` returned.
    package let code: Int32

    /// Creates the error for the thread `name` refused with `code`.
    package init(name: String, code: Int32) {
        self.name = name
        self.code = code
    }

    /// `cannot start thread <name>: <strerror>`.
    package var description: String {
        "cannot start thread \(name): \(SystemReason.text(code))"
    }
}
