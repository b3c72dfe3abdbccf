/// A recorded session that cannot be read or replayed: what is wrong, for the test report.
package struct SessionFixtureError: Error, CustomStringConvertible {
    /// What is wrong.
    package var description: String

    /// Creates an error with a message.
    package init(_ description: String) {
        self.description = description
    }
}
