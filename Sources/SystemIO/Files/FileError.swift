/// Why a file operation of ``AppendOnlyFile`` or ``PrivateFile`` failed.
package struct FileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was being done, as a phrase ("cannot open", "cannot write").
    package let action: String
    /// The file.
    package let path: String
    /// The system's `errno`.
    package let code: Int32
    /// The system's reason (`strerror`).
    package let reason: String

    /// Creates the error for `code`.
    package init(_ action: String, path: String, code: Int32) {
        self.action = action
        self.path = path
        self.code = code
        reason = SystemReason.text(code)
    }

    /// `cannot open '/x/y': Permission denied`.
    package var description: String { "\(action) '\(path)': \(reason)" }
}
