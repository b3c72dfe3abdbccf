import JSON
import Testing

@Suite struct TokenSealerTests {
    private let sealer = TokenSealer(key: Array(0..<32))
    private let payload = Array(#"{"t":"github_issues_list","p":{"k":"u","u":"https://api.github.com/x"}}"#.utf8)

    @Test("a sealed token opens to its payload under the same key and purpose")
    func roundTrip() {
        let token = sealer.seal(payload, purpose: "cursor")
        #expect(sealer.open(token, purpose: "cursor") == payload)
    }

    @Test("another key or another purpose does not open it")
    func keyAndPurposeBind() {
        let token = sealer.seal(payload, purpose: "cursor")
        #expect(TokenSealer(key: Array(1..<33)).open(token, purpose: "cursor") == nil)
        #expect(sealer.open(token, purpose: "request-state") == nil)
    }

    @Test("every single-character change, truncation and extension of a token is refused")
    func everyMutationRefused() {
        let token = Array(sealer.seal(payload, purpose: "cursor"))
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/ .")
        var tried = 0
        for index in token.indices {
            // A few replacements at every position (every one at every position is ~10,000 HMACs,
            // seconds of a pool thread in a debug build).
            let replacements = [alphabet[index % alphabet.count], alphabet[(index * 7 + 3) % alphabet.count], "="]
            for replacement in replacements where replacement != token[index] {
                var mutated = token
                mutated[index] = replacement
                #expect(sealer.open(String(mutated), purpose: "cursor") == nil)
                tried += 1
            }
            #expect(sealer.open(String(token[..<index]), purpose: "cursor") == nil)
        }
        #expect(sealer.open(String(token) + "A", purpose: "cursor") == nil)
        #expect(tried > 2 * token.count)
    }

    @Test("a payload re-signed with an unkeyed digest, as the old format did, is refused")
    func unkeyedForgeryRefused() {
        var forged: [UInt8] = [TokenSealer.version]
        forged += payload
        forged += Array(SHA256.hash(payload).prefix(TokenSealer.tagLength))
        #expect(sealer.open(Base64URL.encode(forged), purpose: "cursor") == nil)
    }

    @Test("base64url decoding refuses padding, foreign characters and non-canonical last characters")
    func strictBase64URL() {
        #expect(Base64URL.decode("QUI") == Array("AB".utf8))
        #expect(Base64URL.decode("QUI=") == nil)
        #expect(Base64URL.decode("QUJ") == nil)
        #expect(Base64URL.decode("Q") == nil)
        #expect(Base64URL.decode("") == nil)
        #expect(Base64URL.decode("QU+I") == nil)
    }
}
