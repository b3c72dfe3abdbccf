import Engine
import JSON
import Testing

/// The redactor every response and error passes through: secrets replaced wherever they appear,
/// everything else handed back untouched.
@Suite struct RedactorTests {
    private let redactor = Redactor(secrets: ["s3cr3t-token", "a b&c=d", "abc"])

    @Test("every occurrence of a secret in text is replaced, with the text around it kept")
    func replacesEveryOccurrence() {
        #expect(
            redactor.redact("Bearer s3cr3t-token, again s3cr3t-tokens3cr3t-token — ünïcode after")
                == "Bearer [REDACTED], again [REDACTED][REDACTED] — ünïcode after")
    }

    @Test("percent-encoded and form-encoded forms of a secret are replaced too")
    func encodedForms() {
        #expect(redactor.redact("q=a%20b%26c%3Dd&x=1") == "q=[REDACTED]&x=1")
        #expect(redactor.redact("q=a+b%26c%3Dd") == "q=[REDACTED]")
    }

    @Test("secrets shorter than four characters are ignored and text without secrets is returned as is")
    func shortSecretsAndCleanText() {
        #expect(redactor.redact("abc abcd") == "abc abcd")
        #expect(redactor.redact("s3cr3t-toke") == "s3cr3t-toke")
        #expect(redactor.redact("") == "")
        #expect(Redactor(secrets: ["abc", "[REDACTED]"]).isEmpty)
    }

    @Test("a longer secret that contains a shorter one is replaced whole")
    func longestFirst() {
        let nested = Redactor(secrets: ["token", "token-extended"])
        #expect(nested.redact("token-extended and token") == "[REDACTED] and [REDACTED]")
    }

    @Test("keys and values are redacted at any depth; clean members keep their order and values")
    func jsonValues() throws {
        let value = try JSONParser.parse(
            #"{"id":7,"auth":{"header":"Bearer s3cr3t-token","s3cr3t-token":true},"list":["x","s3cr3t-token",1.5,null],"ok":"fine"}"#
        )
        let expected = try JSONParser.parse(
            #"{"id":7,"auth":{"header":"Bearer [REDACTED]","[REDACTED]":true},"list":["x","[REDACTED]",1.5,null],"ok":"fine"}"#
        )
        let result = redactor.redact(value)
        #expect(result == expected)
        #expect(result.objectValue?.keys == ["id", "auth", "list", "ok"])
    }

    @Test("a value holding no secret comes back equal, and an empty redactor changes nothing")
    func cleanValues() throws {
        let value = try JSONParser.parse(#"{"name":"item-1","tags":["a","b"],"n":{"deep":[{"x":"y"}]}}"#)
        #expect(redactor.redact(value) == value)
        #expect(Redactor(secrets: []).redact(value) == value)
        #expect(Redactor(secrets: []).redact("s3cr3t-token") == "s3cr3t-token")
    }
}
