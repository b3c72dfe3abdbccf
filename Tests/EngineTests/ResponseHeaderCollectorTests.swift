import Testing

@testable import Engine

/// The header lines libcurl reports become the final response's fields.
@Suite struct ResponseHeaderCollectorTests {
    private static func collect(_ lines: [String]) -> [(name: String, value: String)] {
        var collector = ResponseHeaderCollector()
        for line in lines { collector.consume(line: line) }
        return collector.headers.fields
    }

    @Test("fields are trimmed, in order, with line endings dropped; lines without a colon or name are skipped")
    func fields() {
        let fields = Self.collect([
            "HTTP/1.1 200 OK\r\n", "Content-Type:  application/json \t\r\n", "X-Empty:\r\n", "no colon here\r\n",
            ": nameless\r\n", "X-Unicode: café ☕\n", "\r\n",
        ])
        #expect(fields.map(\.name) == ["Content-Type", "X-Empty", "X-Unicode"])
        #expect(fields.map(\.value) == ["application/json", "", "café ☕"])
    }

    @Test("a folded continuation joins the previous value with one space; a leading one is ignored")
    func foldedContinuation() {
        let fields = Self.collect(["HTTP/1.1 200 OK\r\n", "\t orphan\r\n", "X-Long: first\r\n", " \tsecond \r\n"])
        #expect(fields.count == 1)
        #expect(fields.first?.value == "first second")
    }

    @Test("each status line starts over, so only the final response's fields remain")
    func statusLineResets() {
        let fields = Self.collect([
            "HTTP/1.1 103 Early Hints\r\n", "Link: </a.css>\r\n", "\r\n", "HTTP/1.1 200 OK\r\n", "ETag: \"x\"\r\n",
        ])
        #expect(fields.map(\.name) == ["ETag"])
        #expect(fields.first?.value == "\"x\"")
    }
}
