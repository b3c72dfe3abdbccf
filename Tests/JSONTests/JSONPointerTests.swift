import Testing

@testable import JSON

@Suite struct JSONPointerTests {
    /// The example document of RFC 6901 section 5.
    static let rfcDocument: JSONValue = [
        "foo": ["bar", "baz"],
        "": 0,
        "a/b": 1,
        "c%d": 2,
        "e^f": 3,
        "g|h": 4,
        "i\\j": 5,
        "k\"l": 6,
        " ": 7,
        "m~n": 8,
    ]

    private func pointer(_ text: String) throws -> JSONPointer {
        try #require(JSONPointer(text), "\(text.debugDescription) did not parse")
    }

    // MARK: - Parsing and printing

    @Test(
        "resolves every pointer of the RFC 6901 section 5 table",
        arguments: [
            ("", JSONPointerTests.rfcDocument), ("/foo", ["bar", "baz"]), ("/foo/0", "bar"), ("/", 0), ("/a~1b", 1),
            ("/c%d", 2),
            ("/e^f", 3), ("/g|h", 4), ("/i\\j", 5), ("/k\"l", 6), ("/ ", 7), ("/m~0n", 8),
        ] as [(String, JSONValue)]
    )
    func rfcTable(_ text: String, _ expected: JSONValue) throws {
        let parsed = try pointer(text)
        #expect(Self.rfcDocument.value(at: parsed) == expected)
        #expect(parsed.description == text)
    }

    @Test("unescapes tokens, ~1 before ~0 so that ~01 means ~1")
    func tokens() throws {
        #expect(try pointer("").tokens == [])
        #expect(try pointer("/").tokens == [""])
        #expect(try pointer("//").tokens == ["", ""])
        #expect(try pointer("/a/").tokens == ["a", ""])
        #expect(try pointer("/a~1b/m~0n").tokens == ["a/b", "m~n"])
        #expect(try pointer("/~01").tokens == ["~1"])
        #expect(try pointer("/~10").tokens == ["/0"])
        #expect(try pointer("/~0~1~0").tokens == ["~/~"])
        #expect(try pointer("/foo/0").tokens == ["foo", "0"])
        #expect(try pointer("/é/😀").tokens == ["é", "😀"])
    }

    @Test("splits and unescapes by scalar, even next to combining marks")
    func combiningMarks() throws {
        #expect(try pointer("/a/\u{301}b").tokens == ["a", "\u{301}b"])
        #expect(try pointer("/~0\u{301}").tokens == ["~\u{301}"])
        #expect(try pointer("/~1\u{301}").tokens == ["/\u{301}"])
        #expect(try pointer("/\u{301}").tokens == ["\u{301}"])
        #expect(JSONPointer(tokens: ["~\u{301}", "/\u{301}"]).description == "/~0\u{301}/~1\u{301}")
    }

    @Test(
        "refuses text that is not a pointer",
        arguments: ["a", "foo/bar", "#/foo", "~", "/~", "/~2", "/a~", "/~a", "/foo/~3", " /a"]
    )
    func invalid(_ text: String) {
        #expect(JSONPointer(text) == nil)
    }

    @Test("escapes ~ and / when printing tokens")
    func description() {
        #expect(JSONPointer(tokens: ["a/b", "m~n"]).description == "/a~1b/m~0n")
        #expect(JSONPointer(tokens: ["~1"]).description == "/~01")
        #expect(JSONPointer(tokens: [""]).description == "/")
        #expect(JSONPointer.root.description == "")
    }

    @Test("printing and parsing round-trip for awkward tokens")
    func printParseRoundTrip() throws {
        let original = JSONPointer(tokens: ["", "~", "/", "~0", "~1", "a/~b", "é", "0", "-"])
        #expect(try pointer(original.description) == original)
    }

    @Test("appends tokens and indexes")
    func appending() {
        let base = JSONPointer.root.appending("filters").appending("labels").appending(2)
        #expect(base.tokens == ["filters", "labels", "2"])
        #expect(base.description == "/filters/labels/2")
        #expect(JSONPointer.root.appending("a/b").description == "/a~1b")
        #expect(JSONPointer.root.isRoot)
        #expect(!base.isRoot)
        #expect(JSONPointer(tokens: []) == .root)
    }

    // MARK: - Reading

    @Test(
        "reads through arrays only with canonical decimal indexes",
        arguments: [
            "/foo/01", "/foo/00", "/foo/-", "/foo/2", "/foo/-1", "/foo/+1", "/foo/1.0", "/foo/ 1",
            "/foo/0x1", "/foo/", "/foo/99999999999999999999999", "/foo/١",
        ])
    func invalidIndexes(_ text: String) throws {
        #expect(Self.rfcDocument.value(at: try pointer(text)) == nil)
    }

    @Test("reads array elements, including index 0 and the last one")
    func validIndexes() throws {
        let document: JSONValue = ["list": [10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]]
        #expect(document.value(at: try pointer("/list/0")) == 10)
        #expect(document.value(at: try pointer("/list/10")) == 20)
        #expect(document.value(at: try pointer("/list/11")) == nil)
    }

    @Test("reads a digit token as a key on objects")
    func digitKeys() throws {
        let document: JSONValue = ["0": "zero", "01": "zero-one", "-": "dash"]
        #expect(document.value(at: try pointer("/0")) == "zero")
        #expect(document.value(at: try pointer("/01")) == "zero-one")
        #expect(document.value(at: try pointer("/-")) == "dash")
    }

    @Test("gives nil for missing members and for steps through scalars")
    func missing() throws {
        let document: JSONValue = ["a": ["b": 1], "s": "text", "n": nil]
        #expect(document.value(at: try pointer("/a/b")) == 1)
        #expect(document.value(at: try pointer("/a/c")) == nil)
        #expect(document.value(at: try pointer("/a/b/c")) == nil)
        #expect(document.value(at: try pointer("/s/0")) == nil)
        #expect(document.value(at: try pointer("/n")) == .null)
        #expect(document.value(at: try pointer("/n/x")) == nil)
        #expect(JSONValue.int(3).value(at: .root) == 3)
    }

    // MARK: - Removing

    @Test("removes an object member and keeps the others in order")
    func removeMember() throws {
        var document: JSONValue = ["a": 1, "b": 2, "c": 3]
        #expect(document.removeValue(at: try pointer("/b")))
        #expect(document.objectValue?.keys == ["a", "c"])
    }

    @Test("removes an array element and shifts the rest down")
    func removeElement() throws {
        var document: JSONValue = ["list": ["a", "b", "c"]]
        #expect(document.removeValue(at: try pointer("/list/1")))
        #expect(document == ["list": ["a", "c"]])
    }

    @Test("removes deep inside nested objects and arrays")
    func removeNested() throws {
        var document: JSONValue = ["results": [["id": 1, "secret": "x", "keep": true], ["id": 2]]]
        #expect(document.removeValue(at: try pointer("/results/0/secret")))
        #expect(document == ["results": [["id": 1, "keep": true], ["id": 2]]])
        #expect(document["results"]?[0]?.objectValue?.keys == ["id", "keep"])
    }

    @Test("removes a member whose key needs escaping")
    func removeEscaped() throws {
        var document = Self.rfcDocument
        #expect(document.removeValue(at: try pointer("/a~1b")))
        #expect(document.removeValue(at: try pointer("/m~0n")))
        #expect(document.removeValue(at: try pointer("/")))
        #expect(document["a/b"] == nil && document["m~n"] == nil && document[""] == nil)
        #expect(document.objectValue?.count == 7)
    }

    @Test(
        "changes nothing and says so when there is nothing to remove",
        arguments: [
            "", "/missing", "/list/3", "/list/-", "/list/01", "/list/-1", "/scalar/x", "/list/0/x",
            "/object/missing", "/object/inner/missing/deeper",
        ]
    )
    func removeNothing(_ text: String) throws {
        let original: JSONValue = ["list": [1, 2, 3], "scalar": "s", "object": ["inner": ["k": 1]]]
        var document = original
        #expect(!document.removeValue(at: try pointer(text)))
        #expect(document == original)
        #expect(document.encoded() == original.encoded())
    }

    // MARK: - Setting

    @Test("setting at the root replaces the whole value")
    func setRoot() {
        var document: JSONValue = ["a": 1]
        let changed = document.setValue([1, 2], at: .root)
        #expect(changed)
        #expect(document == [1, 2])
    }

    @Test("replaces an existing member in place and appends a new one")
    func setMember() throws {
        var document: JSONValue = ["a": 1, "b": 2]
        #expect(document.setValue("one", at: try pointer("/a")))
        #expect(document.setValue(3, at: try pointer("/c")))
        #expect(document.objectValue?.keys == ["a", "b", "c"])
        #expect(document == ["a": "one", "b": 2, "c": 3])
    }

    @Test("creates intermediate objects for missing steps")
    func createIntermediates() throws {
        var document: JSONValue = [:]
        #expect(document.setValue("open", at: try pointer("/filter/state/value")))
        #expect(document == ["filter": ["state": ["value": "open"]]])
        #expect(document.setValue(10, at: try pointer("/filter/limit")))
        #expect(document.encoded() == #"{"filter":{"state":{"value":"open"},"limit":10}}"#)
    }

    @Test("builds a body from null, the way request bodies start")
    func createFromNull() throws {
        var document = JSONValue.null
        #expect(document.setValue("x", at: try pointer("/properties/name")))
        #expect(document == ["properties": ["name": "x"]])
        var replaced: JSONValue = ["a": nil]
        #expect(replaced.setValue(1, at: try pointer("/a/b")))
        #expect(replaced == ["a": ["b": 1]])
    }

    @Test("creates objects, not arrays, for missing digit tokens")
    func digitTokensCreateObjects() throws {
        var document: JSONValue = [:]
        #expect(document.setValue(true, at: try pointer("/items/0")))
        #expect(document == ["items": ["0": true]])
    }

    @Test("replaces an array element at a valid index")
    func setElement() throws {
        var document: JSONValue = ["list": [1, 2, 3]]
        #expect(document.setValue("two", at: try pointer("/list/1")))
        #expect(document == ["list": [1, "two", 3]])
        #expect(document.setValue(true, at: try pointer("/list/2/flag")) == false)
    }

    @Test("appends to an array with -")
    func appendWithDash() throws {
        var document: JSONValue = ["list": [1]]
        #expect(document.setValue(2, at: try pointer("/list/-")))
        #expect(document.setValue(3, at: try pointer("/list/-")))
        #expect(document == ["list": [1, 2, 3]])
        var empty: JSONValue = []
        #expect(empty.setValue("first", at: try pointer("/-")))
        #expect(empty == ["first"])
    }

    @Test("appends a new object with - followed by more tokens")
    func appendNested() throws {
        var document: JSONValue = ["list": []]
        #expect(document.setValue("v", at: try pointer("/list/-/name")))
        #expect(document == ["list": [["name": "v"]]])
    }

    @Test("sets into nested arrays of objects")
    func setDeep() throws {
        var document: JSONValue = ["a": [["b": [0, ["c": 1]]]]]
        #expect(document.setValue(2, at: try pointer("/a/0/b/1/c")))
        #expect(document.value(at: try pointer("/a/0/b/1/c")) == 2)
    }

    @Test(
        "refuses, changing nothing, to pass through scalars or use a bad index",
        arguments: [
            "/scalar/x", "/list/3", "/list/01", "/list/-1", "/list/x", "/object/inner/k/deeper",
            "/list/0/x", "/flag/x",
        ]
    )
    func setRefused(_ text: String) throws {
        let original: JSONValue = ["list": [1, 2, 3], "scalar": "s", "flag": true, "object": ["inner": ["k": 1]]]
        var document = original
        #expect(!document.setValue("new", at: try pointer(text)))
        #expect(document == original)
        #expect(document.encoded() == original.encoded())
    }

    @Test("a scalar document refuses any non-root pointer")
    func scalarDocument() throws {
        var document: JSONValue = 5
        #expect(!document.setValue(1, at: try pointer("/a")))
        #expect(!document.removeValue(at: try pointer("/a")))
        #expect(document == 5)
    }
}
