import Engine
import Testing

/// Header look-up ignores the case of ASCII letters and nothing else.
@Suite struct HTTPHeadersTests {
    @Test("names match whatever the case of their letters; other bytes must be equal")
    func caseInsensitiveNames() {
        var headers: HTTPHeaders = ["Retry-After": "3", "X-RateLimit-Remaining": "0", "X[1]": "a"]
        #expect(headers["retry-after"] == "3")
        #expect(headers["RETRY-AFTER"] == "3")
        #expect(headers["x-ratelimit-REMAINING"] == "0")
        #expect(headers["Retry-Afte"] == nil)
        #expect(headers["Retry_After"] == nil)
        // '[' and '{' differ only in the bit that case-folds letters: they are not letters.
        #expect(headers["X{1]"] == nil)
        #expect(headers["x[1]"] == "a")
        headers.set(name: "retry-after", value: "5")
        #expect(headers.fields.filter { $0.name.lowercased() == "retry-after" }.count == 1)
        #expect(headers["Retry-After"] == "5")
        headers.remove(name: "X-RATELIMIT-remaining")
        #expect(headers["X-RateLimit-Remaining"] == nil)
    }
}
