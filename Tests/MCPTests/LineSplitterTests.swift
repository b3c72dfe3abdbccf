import Testing

@testable import MCP

@Suite struct LineSplitterTests {
    private func split(_ chunks: [String], maximum: Int = 100) -> [LineSplitter.Piece] {
        var splitter = LineSplitter(maximumLineLength: maximum)
        var pieces: [LineSplitter.Piece] = []
        for chunk in chunks { splitter.feed(Array(chunk.utf8)) { pieces.append($0) } }
        splitter.finish { pieces.append($0) }
        return pieces
    }

    private func line(_ text: String) -> LineSplitter.Piece { .line(Array(text.utf8)) }

    @Test("splits on newlines across chunk boundaries and drops a carriage return before the newline")
    func splits() {
        #expect(split(["ab", "c\nde\r", "\n\nx\ry\n"]) == [line("abc"), line("de"), line(""), line("x\ry")])
    }

    @Test("a last line without a newline is still delivered at EOF")
    func lastLine() {
        #expect(split(["one\ntwo"]) == [line("one"), line("two")])
        #expect(split(["one\n"]) == [line("one")])
    }

    @Test("an over-long line is reported once by length and the next line survives")
    func overLong() {
        let pieces = split(["1234", "5678", "9\nok\n"], maximum: 8)
        #expect(pieces == [.tooLong(length: 9), line("ok")])
        #expect(split(["12345678\n"], maximum: 8) == [line("12345678")])
        #expect(split([String(repeating: "x", count: 50)], maximum: 8) == [.tooLong(length: 50)])
    }
}
