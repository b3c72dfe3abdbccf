/// A recorded session that cannot be read or replayed: what is wrong, for the test report.
public struct SessionFixtureError: Error, CustomStringConvertible {
    /// What is wrong.
    public var description: String

    /// Creates an error with a message.
    public init(_ description: String) {
        self.description = description
    }
}
