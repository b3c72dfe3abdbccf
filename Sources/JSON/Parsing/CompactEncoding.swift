/// The start and the size of a JSON text's compact encoding, as
/// ``JSONParser/compactEncoding(of:keepingAtMost:)`` computes it without building the value.
package struct CompactEncoding: Sendable, Equatable {
    /// The first bytes of the compact encoding: all of it when it is no longer than the limit
    /// asked for, else exactly that many bytes (possibly ending inside a UTF-8 sequence).
    package var prefix: [UInt8]
    /// The size of the whole compact encoding in bytes.
    package var totalCount: Int

    /// Creates a result.
    package init(prefix: [UInt8], totalCount: Int) {
        self.prefix = prefix
        self.totalCount = totalCount
    }
}
