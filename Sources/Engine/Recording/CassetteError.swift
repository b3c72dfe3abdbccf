/// A cassette that cannot be read.
package struct CassetteError: Error, Sendable, CustomStringConvertible {
    /// What is wrong.
    package var message: String
    /// What is wrong.
    package var description: String { message }
}
