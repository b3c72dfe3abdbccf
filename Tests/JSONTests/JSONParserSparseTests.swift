import JSON
import Testing

/// Sparse reading of one large array: what is kept is exactly what a full parse would give for
/// those elements, and the text is still checked throughout.
@Suite struct JSONParserSparseTests {
    private let text = #"{"meta":{"total":5},"data":[{"id":1},{"id":2},{"id":3},{"id":4},{"id":5}],"next":"c5"}"#

    @Test("keeps the requested range and the last element, counts all, and parses the rest of the document")
    func keepsRange() throws {
        let page = try JSONParser.parse(
            Array(text.utf8), keepingElements: 1..<3, ofArrayAt: JSONPointer(tokens: ["data"]))
        #expect(page.count == 5)
        #expect(page.start == 1)
        #expect(page.elements == [["id": 2], ["id": 3]])
        #expect(page.last == ["id": 5])
        #expect(page.body["next"] == "c5")
        #expect(page.body["meta"]?["total"] == 5)
        #expect(page.body["data"] == [])
    }

    @Test("a range past the end keeps what exists; a root array is read sparsely too")
    func edges() throws {
        let page = try JSONParser.parse(
            Array(text.utf8), keepingElements: 4..<10, ofArrayAt: JSONPointer(tokens: ["data"]))
        #expect(page.elements == [["id": 5]])
        let root = try JSONParser.parse(Array("[1,2,3]".utf8), keepingElements: 0..<1, ofArrayAt: .root)
        #expect(root.count == 3)
        #expect(root.elements == [1])
        #expect(root.last == 3)
    }

    @Test("no array at the pointer leaves the count nil and the value parsed whole")
    func noArray() throws {
        let page = try JSONParser.parse(
            Array(#"{"data":null,"x":[1]}"#.utf8), keepingElements: 0..<5, ofArrayAt: JSONPointer(tokens: ["data"]))
        #expect(page.count == nil)
        #expect(page.body == ["data": .null, "x": [1]])
        let missing = try JSONParser.parse(
            Array(#"{"x":[1]}"#.utf8), keepingElements: 0..<5, ofArrayAt: JSONPointer(tokens: ["data"]))
        #expect(missing.count == nil)
    }

    @Test(
        "invalid JSON anywhere is refused, skipped elements included",
        arguments: [
            #"{"data":[{"id":1},{"id":2,}]}"#, #"{"data":[1,2,"x]}"#, #"{"data":[1,2] "#, #"{"data":[1,2]}x"#,
            #"{"data":[1,nan]}"#,
        ])
    func invalid(text: String) {
        #expect(throws: JSONParseError.self) {
            _ = try JSONParser.parse(Array(text.utf8), keepingElements: 0..<1, ofArrayAt: JSONPointer(tokens: ["data"]))
        }
    }

    @Test("nesting past the limit is refused on and off the path")
    func depth() {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect(throws: JSONParseError.self) {
            _ = try JSONParser.parse(
                Array(#"{"data":[\#(deep)]}"#.utf8), keepingElements: 0..<1, ofArrayAt: JSONPointer(tokens: ["data"]))
        }
        #expect(throws: JSONParseError.self) {
            _ = try JSONParser.parse(
                Array(#"{"x":\#(deep),"data":[]}"#.utf8), keepingElements: 0..<1,
                ofArrayAt: JSONPointer(tokens: ["data"]))
        }
    }
}
