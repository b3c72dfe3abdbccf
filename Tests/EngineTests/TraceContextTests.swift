import Engine
import Testing

@Suite struct TraceContextTests {
    static let valid = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"

    @Test("a well-formed traceparent is read, and continued with a new span")
    func valid() throws {
        let context = try #require(TraceContext(traceparent: Self.valid, tracestate: "a=1"))
        #expect(context.traceID == "0af7651916cd43dd8448eb211c80319c")
        #expect(context.tracestate == "a=1")
        #expect(
            context.traceparent(span: "00f067aa0ba902b7") == "00-0af7651916cd43dd8448eb211c80319c-00f067aa0ba902b7-01")
    }

    @Test("malformed traceparents are refused: case, length, zeros, version ff, separators, header injection")
    func malformed() {
        for text in [
            Self.valid.uppercased(), String(Self.valid.dropLast()), Self.valid + "0",
            "00-00000000000000000000000000000000-b7ad6b7169203331-01",
            "00-0af7651916cd43dd8448eb211c80319c-0000000000000000-01",
            "ff-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
            "00_0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
            "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01\r\nX-Evil: 1",
            "", "zz-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
        ] {
            #expect(TraceContext(traceparent: text) == nil, "\(text)")
        }
    }

    @Test("a later version may carry more fields; it is continued as version 00")
    func laterVersion() throws {
        let context = try #require(TraceContext(traceparent: "01" + Self.valid.dropFirst(2) + "-extra"))
        #expect(context.traceparent(span: "1111111111111111").hasPrefix("00-0af7651916cd43dd8448eb211c80319c-"))
        #expect(TraceContext(traceparent: "01" + Self.valid.dropFirst(2) + "extra") == nil)
    }

    @Test("a tracestate with control characters or over 512 bytes is dropped, the trace kept")
    func tracestate() throws {
        #expect(try #require(TraceContext(traceparent: Self.valid, tracestate: "a=1\r\nX: y")).tracestate == nil)
        #expect(
            try #require(TraceContext(traceparent: Self.valid, tracestate: String(repeating: "a", count: 513)))
                .tracestate == nil)
    }

    @Test("new span ids are 16 lowercase hex digits and differ")
    func spans() {
        let spans = (0..<32).map { _ in TraceContext.newSpanID() }
        #expect(Set(spans).count == 32)
        #expect(spans.allSatisfy { $0.count == 16 && $0.allSatisfy { "0123456789abcdef".contains($0) } })
    }
}
