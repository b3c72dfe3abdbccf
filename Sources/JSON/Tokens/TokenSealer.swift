/// Seals and opens the opaque tokens Switchyard hands to the model (list cursors, the
/// `tools/list` cursor, request state): base64url of `version ‖ payload ‖ tag`, where the tag is
/// the first 16 bytes of HMAC-SHA-256 under a secret key over the purpose, the version and the
/// payload.
///
/// The purpose separates token kinds, so a list cursor can never be replayed as request state
/// or the other way round. Without the key nobody can mint a token that opens; any change to a
/// sealed token — one byte, one character, a truncation — fails to open.
package struct TokenSealer: Sendable {
    /// The format version, the token's first byte.
    package static let version: UInt8 = 2
    /// The length of the authentication tag in bytes (128 bits).
    package static let tagLength = 16

    private let key: [UInt8]

    /// Creates a sealer over a secret key (32 random bytes in production).
    package init(key: [UInt8]) {
        self.key = key
    }

    /// 32 bytes from the system's cryptographically secure generator (`getrandom` on Linux).
    package static func randomKey() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    /// The sealed token of `payload` for `purpose`.
    package func seal(_ payload: [UInt8], purpose: String) -> String {
        var bytes: [UInt8] = [Self.version]
        bytes += payload
        bytes += tag(payload, purpose: purpose)
        return Base64URL.encode(bytes)
    }

    /// The payload of a token this sealer sealed for `purpose`, or `nil` for anything else.
    package func open(_ token: some StringProtocol, purpose: String) -> [UInt8]? {
        guard token.utf8.count <= 1 << 20, let bytes = Base64URL.decode(token),
            bytes.count > 1 + Self.tagLength, bytes[0] == Self.version
        else { return nil }
        let payload = Array(bytes[1..<(bytes.count - Self.tagLength)])
        guard HMACSHA256.equal(bytes.suffix(Self.tagLength), tag(payload, purpose: purpose)) else { return nil }
        return payload
    }

    private func tag(_ payload: [UInt8], purpose: String) -> [UInt8] {
        var message = Array("switchyard:\(purpose)".utf8)
        message += [0, Self.version]
        message += payload
        return Array(HMACSHA256.authenticate(message, key: key).prefix(Self.tagLength))
    }
}
