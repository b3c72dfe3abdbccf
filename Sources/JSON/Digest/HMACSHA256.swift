/// HMAC-SHA-256 (RFC 2104, FIPS 198-1), written here because the project takes no packages; it
/// authenticates the tokens Switchyard hands to the model (cursors, request state).
package enum HMACSHA256 {
    /// The 32-byte authentication code of `message` under `key` (any length; a key longer than
    /// the 64-byte block is hashed first, as the RFC says).
    package static func authenticate(_ message: some Sequence<UInt8>, key: [UInt8]) -> [UInt8] {
        var block = key.count > 64 ? SHA256.hash(key) : key
        block += [UInt8](repeating: 0, count: 64 - block.count)
        var inner = SHA256()
        inner.update(block.map { $0 ^ 0x36 })
        inner.update(message)
        var outer = SHA256()
        outer.update(block.map { $0 ^ 0x5c })
        outer.update(inner.finalize())
        return outer.finalize()
    }

    /// Compares two codes in time that depends only on their lengths, so a forger learns nothing
    /// from how fast a wrong guess is refused.
    package static func equal(_ left: some Collection<UInt8>, _ right: some Collection<UInt8>) -> Bool {
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for (a, b) in zip(left, right) { difference |= a ^ b }
        return difference == 0
    }
}
