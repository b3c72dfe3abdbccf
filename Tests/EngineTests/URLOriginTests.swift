import Engine
import Testing

/// The origin check every request goes through before credentials are attached, and every
/// redirect and next-page link before it is followed.
@Suite struct URLOriginTests {
    /// A URL and the origin it must parse to (`nil`: refused).
    struct Case: Sendable, CustomTestStringConvertible {
        let url: String
        let origin: String?
        var testDescription: String { url }
    }

    static let cases: [Case] = [
        Case(url: "https://api.github.com/repos/o/r", origin: "https://api.github.com:443"),
        Case(url: "HTTP://Example.COM", origin: "http://example.com:80"),
        Case(url: "http://127.0.0.1:8080/x?y#z", origin: "http://127.0.0.1:8080"),
        Case(url: "https://user:p%40ss@Host.example:8443/path", origin: "https://host.example:8443"),
        Case(url: "https://a@b@host/", origin: "https://host:443"),
        Case(url: "http://[::1]:9000/items", origin: "http://[::1]:9000"),
        Case(url: "http://[::1]/items", origin: "http://[::1]:80"),
        Case(url: "https://host:/path", origin: "https://host:443"),
        Case(url: "https://host?q=http://other", origin: "https://host:443"),
        Case(url: "https://host#frag/x", origin: "https://host:443"),
        Case(url: "https://bücher.example/", origin: "https://bücher.example:443"),
        Case(url: "ftp://host/file", origin: nil),
        Case(url: "/relative/path", origin: nil),
        Case(url: "https://", origin: nil),
        Case(url: "https://:443/", origin: nil),
        Case(url: "https://user@/", origin: nil),
        Case(url: "http://host:0/", origin: nil),
        Case(url: "http://host:65536/", origin: nil),
        Case(url: "http://host:8o/", origin: nil),
        Case(url: "http://[::1/", origin: nil),
        Case(url: "http://[::1]x/", origin: nil),
        Case(url: "", origin: nil),
    ]

    @Test("parses scheme, host and port, lower-cased, with default ports and userinfo dropped", arguments: cases)
    func parses(_ example: Case) {
        #expect(URLOrigin(example.url)?.description == example.origin)
    }

    @Test("origins compare equal only for the same scheme, host and port")
    func equality() {
        #expect(URLOrigin("https://API.example.com/a") == URLOrigin("https://api.example.com:443/b"))
        #expect(URLOrigin("https://api.example.com") != URLOrigin("http://api.example.com"))
        #expect(URLOrigin("https://api.example.com") != URLOrigin("https://api.example.com:8443"))
        #expect(URLOrigin("https://api.example.com") != URLOrigin("https://api.example.com.evil.test"))
    }
}
