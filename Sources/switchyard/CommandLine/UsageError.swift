/// A command-line mistake: one clear line on standard error and exit status 2.
struct UsageError: Error, CustomStringConvertible {
    /// What is wrong, phrased for the person who typed the command.
    var message: String

    init(_ message: String) {
        self.message = message
    }

    var description: String { message }
}
