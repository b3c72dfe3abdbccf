import Testing

@testable import JSON
@testable import MCP

/// A tool result whose text is its structured content's JSON is written by splicing the text:
/// the bytes on the wire must be exactly those of encoding the value.
@Suite struct ResultBodyTests {
    /// Structured values with escapes, non-ASCII text, numbers of both kinds and nesting.
    static let values: [JSONValue] = [
        [:],
        ["items": [["id": 1, "name": "a \"quoted\" \\ name\n", "score": 2.5]], "has_more": false],
        ["text": "café 😀 \u{1}", "nested": ["deep": [nil, true, -0.0, 9_007_199_254_740_993]]],
    ]

    @Test("splicing the text writes the same bytes as encoding the value, in every revision", arguments: values)
    func splicedEqualsEncoded(value: JSONValue) {
        for revision in ProtocolRevision.allCases {
            let text = value.encoded()
            let spliced = ToolResult(text: text, encodedFrom: value)
            let plain = ToolResult(text: text, structuredContent: value)
            let body = ToolRenderer.callResultBody(spliced, for: revision)
            #expect(
                body.toolResult?.knownStructuredSize == (revision.hasTitlesAndStructuredContent ? text.utf8.count : nil)
            )
            let expected = OutgoingMessage.result(id: 7, .object(ToolRenderer.callResult(plain, for: revision)))
            #expect(OutgoingMessage.result(id: 7, body: body) == expected, "\(revision.rawValue)")
        }
    }

    @Test("a result whose text differs from its structured content is never spliced")
    func notSplicedWithoutTheMark() {
        let result = ToolResult(text: "The vendor refused.", structuredContent: ["error": ["type": "forbidden"]])
        #expect(!result.textIsStructured && result.knownStructuredSize == 0)
        var writer = JSONWriter()
        result.writeStructuredContent(into: &writer)
        #expect(String(decoding: writer.bytes, as: UTF8.self) == #"{"error":{"type":"forbidden"}}"#)
        #expect(!ToolResult(text: "{}").textIsStructured)
    }
}
