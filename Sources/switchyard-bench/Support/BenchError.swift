/// A failure that stops the bench, with a message saying what went wrong.
struct BenchError: Error, CustomStringConvertible {
    /// What went wrong.
    let description: String

    /// Creates an error with its message.
    init(_ description: String) {
        self.description = description
    }
}
