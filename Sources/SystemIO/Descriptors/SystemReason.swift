import Glibc

/// The system's words for an `errno`.
package enum SystemReason {
    /// The `strerror` text of `code`.
    package static func text(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
