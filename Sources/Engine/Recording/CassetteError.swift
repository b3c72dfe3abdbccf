/// A cassette that cannot be read.
public struct CassetteError: Error, Sendable, CustomStringConvertible {
    /// What is wrong.
    public var message: String
    /// What is wrong.
    public var description: String { message }
}
