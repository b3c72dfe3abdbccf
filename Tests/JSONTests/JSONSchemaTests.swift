import Testing

@testable import JSON

@Suite struct JSONSchemaTests {
    /// Compiles a schema written as JSON text.
    private func schema(_ text: String) throws -> JSONSchema {
        try JSONSchema(JSONParser.parse(text))
    }

    /// The violations of `instance` (JSON text) against `schemaText`.
    private func violations(_ schemaText: String, _ instance: String) throws -> [SchemaViolation] {
        try schema(schemaText).validate(JSONParser.parse(instance))
    }

    /// The pointers of the violations, as text.
    private func pointers(_ schemaText: String, _ instance: String) throws -> [String] {
        try violations(schemaText, instance).map(\.pointer.description)
    }

    /// The messages of the violations.
    private func messages(_ schemaText: String, _ instance: String) throws -> [String] {
        try violations(schemaText, instance).map(\.message)
    }

    /// The error compiling `text` throws, or `nil` when it compiles.
    private func compileError(_ text: String) throws -> JSONSchemaError? {
        let value = try JSONParser.parse(text)
        do {
            _ = try JSONSchema(value)
            return nil
        } catch {
            return error
        }
    }

    static let everyKind = [#"null"#, "true", "0", "1.5", #""s""#, "[]", "{}", #"{"a":[1]}"#]

    @Test("numbers kept as written are typed and bounded like any other number")
    func numbersKeptAsWritten() throws {
        #expect(try violations(#"{"type": "integer"}"#, "12345678901234567890").isEmpty)
        #expect(try violations(#"{"type": "number"}"#, "1e400").isEmpty)
        #expect(try !violations(#"{"type": "integer"}"#, "1e400").isEmpty)
        #expect(try messages(#"{"maximum": 100}"#, "1e400") == ["must be at most 100"])
        #expect(try messages(#"{"minimum": 0}"#, "-99999999999999999999") == ["must be at least 0"])
        #expect(try violations(#"{"minimum": 0}"#, "99999999999999999999").isEmpty)
    }

    // MARK: - Boolean and empty schemas

    @Test("the true schema and the empty schema accept everything", arguments: JSONSchemaTests.everyKind)
    func acceptsAll(_ instance: String) throws {
        #expect(try violations("true", instance).isEmpty)
        #expect(try violations("{}", instance).isEmpty)
    }

    @Test("the false schema rejects everything with one violation at the root", arguments: JSONSchemaTests.everyKind)
    func rejectsAll(_ instance: String) throws {
        let found = try violations("false", instance)
        #expect(found.count == 1)
        #expect(found.first?.pointer == .root)
        #expect(found.first?.message.contains("nothing") == true)
    }

    @Test("false as a property schema forbids that property")
    func falseProperty() throws {
        #expect(try pointers(#"{"properties":{"legacy":false}}"#, #"{"legacy":1,"other":2}"#) == ["/legacy"])
        #expect(try pointers(#"{"properties":{"legacy":false}}"#, #"{"other":2}"#) == [])
    }

    @Test("annotations and unknown keywords are ignored")
    func annotations() throws {
        let text = #"""
            {"title":"t","description":"d","default":1,"format":"email","examples":[1],"deprecated":true,
             "readOnly":true,"x-vendor":{"type":"nonsense"}}
            """#
        for instance in Self.everyKind { #expect(try violations(text, instance).isEmpty) }
    }

    // MARK: - type

    @Test(
        "type accepts exactly its own kind of value",
        arguments: [
            ("null", "null", true), ("null", "0", false), ("null", #""""#, false),
            ("boolean", "true", true), ("boolean", "false", true), ("boolean", "0", false),
            ("boolean", #""true""#, false),
            ("integer", "1", true), ("integer", "-1", true), ("integer", "1.0", true), ("integer", "1e2", true),
            ("integer", "-0.0", true), ("integer", "1.5", false), ("integer", "1e-1", false),
            ("integer", #""1""#, false),
            ("integer", "9223372036854775807", true), ("integer", "1e300", true), ("integer", "true", false),
            ("number", "1", true), ("number", "1.5", true), ("number", "-1e-7", true), ("number", #""1""#, false),
            ("number", "null", false),
            ("string", #""""#, true), ("string", #""x""#, true), ("string", "1", false), ("string", "null", false),
            ("array", "[]", true), ("array", "[1]", true), ("array", "{}", false), ("array", #""[]""#, false),
            ("object", "{}", true), ("object", #"{"a":1}"#, true), ("object", "[]", false), ("object", "null", false),
        ] as [(String, String, Bool)]
    )
    func typeKeyword(_ name: String, _ instance: String, _ valid: Bool) throws {
        let found = try violations(#"{"type":"\#(name)"}"#, instance)
        #expect(found.isEmpty == valid, "\(instance) against type \(name): \(found)")
    }

    @Test("a type violation names the expected and the actual type")
    func typeMessage() throws {
        #expect(try messages(#"{"type":"integer"}"#, #""x""#) == ["expected integer, got string"])
        #expect(try messages(#"{"type":"integer"}"#, "1.5") == ["expected integer, got number"])
        #expect(try messages(#"{"type":"object"}"#, "[]") == ["expected object, got array"])
    }

    @Test("a list of types accepts any of them")
    func typeList() throws {
        let text = #"{"type":["string","null"]}"#
        #expect(try violations(text, #""x""#).isEmpty)
        #expect(try violations(text, "null").isEmpty)
        #expect(try messages(text, "1") == ["expected string or null, got integer"])
        #expect(try violations(#"{"type":["integer","number"]}"#, "1.5").isEmpty)
    }

    @Test("a type mismatch is reported alone, without the keywords for the expected type")
    func typeMismatchStops() throws {
        let text = #"{"type":"string","minLength":5,"pattern":"^x","enum":["xxxxx"]}"#
        let found = try violations(text, "3")
        #expect(found.count == 1)
        #expect(found.first?.message == "expected string, got integer")
    }

    // MARK: - properties, required, additionalProperties

    @Test("properties validate each member with the exact pointer, at any depth")
    func nestedPointers() throws {
        let text = #"""
            {"type":"object","properties":{"filters":{"type":"object","properties":{
              "labels":{"type":"array","items":{"type":"string"}},
              "range":{"type":"object","properties":{"from":{"type":"integer"}}}}}}}
            """#
        #expect(try pointers(text, #"{"filters":{"labels":["a","b",3]}}"#) == ["/filters/labels/2"])
        #expect(try pointers(text, #"{"filters":{"range":{"from":"x"}}}"#) == ["/filters/range/from"])
        #expect(
            try pointers(text, #"{"filters":{"labels":[1,"b",true],"range":{"from":1.5}}}"#)
                == ["/filters/labels/0", "/filters/labels/2", "/filters/range/from"])
        #expect(try pointers(text, #"{"filters":{"labels":["a"],"range":{"from":1}}}"#) == [])
    }

    @Test("pointers escape member names that contain / or ~")
    func escapedPointers() throws {
        let text = #"{"properties":{"a/b":{"type":"integer"},"c~d":{"type":"integer"}}}"#
        #expect(try pointers(text, #"{"a/b":"x","c~d":"y"}"#) == ["/a~1b", "/c~0d"])
    }

    @Test("properties do not apply to values that are not objects")
    func propertiesOnlyOnObjects() throws {
        let text = #"{"properties":{"a":{"type":"integer"}},"required":["a"],"additionalProperties":false}"#
        for instance in ["null", "1", #""s""#, #"[{"a":"x"}]"#] { #expect(try violations(text, instance).isEmpty) }
    }

    @Test("required names each missing member at its own pointer")
    func required() throws {
        let text = #"{"type":"object","required":["owner","repo","token"]}"#
        let found = try violations(text, #"{"repo":"r"}"#)
        #expect(found.map(\.pointer.description) == ["/owner", "/token"])
        #expect(found.map(\.message) == ["is required", "is required"])
        #expect(try violations(text, #"{"owner":"o","repo":"r","token":null}"#).isEmpty)
    }

    @Test("additionalProperties false names the unknown key")
    func additionalFalse() throws {
        let text = #"{"type":"object","properties":{"a":{},"b":{}},"additionalProperties":false}"#
        let found = try violations(text, #"{"a":1,"zzz":2}"#)
        #expect(found.map(\.pointer.description) == ["/zzz"])
        #expect(found.first?.message == "is not a known argument (known: a, b)")
        #expect(found.first?.description == "/zzz: is not a known argument (known: a, b)")
        #expect(try violations(text, #"{"a":1,"b":2}"#).isEmpty)
    }

    @Test("additionalProperties false without properties accepts no members at all")
    func additionalFalseNoProperties() throws {
        let found = try violations(#"{"additionalProperties":false}"#, #"{"x":1,"y":2}"#)
        #expect(found.map(\.pointer.description) == ["/x", "/y"])
        #expect(found.first?.message.contains("no arguments are accepted") == true)
        #expect(try violations(#"{"additionalProperties":false}"#, "{}").isEmpty)
    }

    @Test("an additionalProperties schema validates only the members properties does not name")
    func additionalSchema() throws {
        let text = #"{"properties":{"a":{"type":"string"}},"additionalProperties":{"type":"integer"}}"#
        #expect(try pointers(text, #"{"a":"x","b":1,"c":"y","d":2.5}"#) == ["/c", "/d"])
        #expect(try pointers(text, #"{"a":1}"#) == ["/a"])
    }

    @Test("additionalProperties true or absent allows extra members")
    func additionalAllowed() throws {
        #expect(try violations(#"{"properties":{"a":{}},"additionalProperties":true}"#, #"{"b":1}"#).isEmpty)
        #expect(try violations(#"{"properties":{"a":{}}}"#, #"{"b":1}"#).isEmpty)
    }

    // MARK: - enum and const

    @Test("enum accepts listed values and lists them when it refuses")
    func enumStrings() throws {
        let text = #"{"enum":["open","closed"]}"#
        #expect(try violations(text, #""open""#).isEmpty)
        #expect(try messages(text, #""merged""#) == [#"must be one of "open", "closed""#])
        #expect(try messages(text, #""Open""#).count == 1)
    }

    @Test("enum compares numbers by value, so 1 and 1.0 are the same")
    func enumNumbers() throws {
        let text = #"{"enum":[1,2.5]}"#
        for instance in ["1", "1.0", "1e0", "2.5", "25e-1"] { #expect(try violations(text, instance).isEmpty) }
        for instance in ["2", "1.5", #""1""#, "true", "null"] { #expect(try violations(text, instance).count == 1) }
        #expect(try violations(#"{"enum":[3.0]}"#, "3").isEmpty)
    }

    @Test("enum keeps distinct large integers apart")
    func enumLargeIntegers() throws {
        let text = #"{"enum":[9007199254740993]}"#
        #expect(try violations(text, "9007199254740993").isEmpty)
        #expect(try violations(text, "9007199254740992").count == 1)
    }

    @Test("enum compares numbers by value inside arrays and objects too")
    func enumNestedNumbers() throws {
        let text = #"{"enum":[[1,{"a":2}],{"b":[3]}]}"#
        #expect(try violations(text, #"[1.0,{"a":2.0}]"#).isEmpty)
        #expect(try violations(text, #"{"b":[3.0]}"#).isEmpty)
        #expect(try violations(text, #"[1,{"a":3}]"#).count == 1)
        #expect(try violations(text, #"[{"a":2},1]"#).count == 1)
        #expect(try violations(text, #"{"b":[3],"c":1}"#).count == 1)
    }

    @Test("enum matches objects whatever their member order, and tells null, false and 0 apart")
    func enumStructures() throws {
        #expect(try violations(#"{"enum":[{"a":1,"b":2}]}"#, #"{"b":2,"a":1}"#).isEmpty)
        let text = #"{"enum":[null,true]}"#
        #expect(try violations(text, "null").isEmpty)
        #expect(try violations(text, "true").isEmpty)
        for instance in ["false", "0", "1", #""null""#, "[]"] { #expect(try violations(text, instance).count == 1) }
    }

    @Test("const accepts only its value, comparing numbers by value")
    func constKeyword() throws {
        #expect(try violations(#"{"const":"x"}"#, #""x""#).isEmpty)
        #expect(try messages(#"{"const":"x"}"#, #""y""#) == [#"must be "x""#])
        #expect(try violations(#"{"const":1}"#, "1.0").isEmpty)
        #expect(try violations(#"{"const":{"a":[1]}}"#, #"{"a":[1.0]}"#).isEmpty)
        #expect(try violations(#"{"const":null}"#, "0").count == 1)
        #expect(try violations(#"{"const":false}"#, "false").isEmpty)
    }

    // MARK: - Arrays

    @Test("items validates every element at its index")
    func items() throws {
        #expect(try pointers(#"{"items":{"type":"integer"}}"#, #"[1,"a",2,"b"]"#) == ["/1", "/3"])
        #expect(try pointers(#"{"items":{"type":"integer"}}"#, "[]") == [])
        #expect(try pointers(#"{"items":false}"#, "[1,2]") == ["/0", "/1"])
        #expect(try pointers(#"{"items":false}"#, "[]") == [])
    }

    @Test("items nest: arrays of arrays of objects")
    func nestedItems() throws {
        let text = #"{"items":{"items":{"properties":{"id":{"type":"integer"}}}}}"#
        #expect(try pointers(text, #"[[{"id":1}],[{"id":2},{"id":"x"}]]"#) == ["/1/1/id"])
    }

    @Test("minItems and maxItems are inclusive bounds")
    func itemCounts() throws {
        let text = #"{"minItems":2,"maxItems":3}"#
        #expect(try messages(text, "[1]") == ["must have at least 2 items"])
        #expect(try violations(text, "[1,2]").isEmpty)
        #expect(try violations(text, "[1,2,3]").isEmpty)
        #expect(try messages(text, "[1,2,3,4]") == ["must have at most 3 items"])
        #expect(try violations(text, #""ab""#).isEmpty)
    }

    // MARK: - Strings

    @Test("minLength and maxLength count Unicode scalars")
    func lengths() throws {
        let text = #"{"minLength":2,"maxLength":3}"#
        #expect(try messages(text, #""a""#) == ["must be at least 2 characters"])
        #expect(try violations(text, #""ab""#).isEmpty)
        #expect(try violations(text, #""abc""#).isEmpty)
        #expect(try messages(text, #""abcd""#) == ["must be at most 3 characters"])
        // Two emoji are two characters, though four UTF-16 code units and eight bytes.
        #expect(try violations(text, #""😀😀""#).isEmpty)
        #expect(try violations(text, #""😀😀😀😀""#).count == 1)
        // One precomposed é is one scalar; a decomposed é is two.
        #expect(try violations(text, #""\u00e9""#).count == 1)
        #expect(try violations(text, #""e\u0301""#).isEmpty)
        #expect(try violations(text, "12345").isEmpty)
    }

    @Test("pattern searches anywhere in the string unless anchored")
    func pattern() throws {
        #expect(try violations(#"{"pattern":"b"}"#, #""abc""#).isEmpty)
        #expect(try messages(#"{"pattern":"b"}"#, #""xyz""#) == ["must match the pattern b"])
        #expect(try violations(#"{"pattern":"^[a-z]+$"}"#, #""abc""#).isEmpty)
        #expect(try violations(#"{"pattern":"^[a-z]+$"}"#, #""abc1""#).count == 1)
        #expect(try violations(#"{"pattern":"^\\d{3}-\\d{4}$"}"#, #""555-1234""#).isEmpty)
        #expect(try violations(#"{"pattern":"^é+😀$"}"#, #""éé😀""#).isEmpty)
        #expect(try violations(#"{"pattern":"^x"}"#, "1").isEmpty)
    }

    @Test("a string can break several string keywords at once")
    func severalStringViolations() throws {
        #expect(
            try messages(#"{"minLength":3,"pattern":"^[0-9]+$"}"#, #""a""#)
                == ["must be at least 3 characters", "must match the pattern ^[0-9]+$"])
    }

    // MARK: - Numbers

    @Test("minimum and maximum are inclusive, for integers and doubles alike")
    func inclusiveBounds() throws {
        let text = #"{"minimum":1,"maximum":10}"#
        for instance in ["1", "1.0", "5", "9.99", "10", "1e1"] { #expect(try violations(text, instance).isEmpty) }
        #expect(try messages(text, "0") == ["must be at least 1"])
        #expect(try messages(text, "0.5") == ["must be at least 1"])
        #expect(try messages(text, "11") == ["must be at most 10"])
        #expect(try messages(text, "10.5") == ["must be at most 10"])
        #expect(try messages(#"{"minimum":0.5}"#, "0.25") == ["must be at least 0.5"])
        #expect(try violations(#"{"minimum":-1.5}"#, "-1").isEmpty)
        #expect(try violations(text, #""0""#).isEmpty)
    }

    @Test("exclusiveMinimum and exclusiveMaximum exclude the bound itself")
    func exclusiveBounds() throws {
        let text = #"{"exclusiveMinimum":0,"exclusiveMaximum":1}"#
        #expect(try messages(text, "0") == ["must be greater than 0"])
        #expect(try messages(text, "0.0") == ["must be greater than 0"])
        #expect(try messages(text, "1") == ["must be less than 1"])
        #expect(try violations(text, "0.5").isEmpty)
        #expect(try violations(text, "1e-9").isEmpty)
    }

    @Test("a number can break several keywords at once")
    func severalNumberViolations() throws {
        #expect(try messages(#"{"enum":[10],"minimum":5}"#, "1") == ["must be one of 10", "must be at least 5"])
        #expect(try violations(#"{"minimum":5,"exclusiveMinimum":5}"#, "4").count == 2)
    }

    // MARK: - Several violations

    @Test("reports every violation of a tool call, each at its own pointer, in document order")
    func allViolations() throws {
        let text = #"""
            {"type":"object","properties":{
              "owner":{"type":"string","minLength":1},
              "repo":{"type":"string"},
              "state":{"type":"string","enum":["open","closed","all"]},
              "per_page":{"type":"integer","minimum":1,"maximum":100},
              "filters":{"type":"object","additionalProperties":false,"properties":{
                "labels":{"type":"array","maxItems":3,"items":{"type":"string"}}}}},
             "required":["owner","repo"],"additionalProperties":false}
            """#
        let instance = #"""
            {"owner":"","state":"merged","per_page":1.5,"filters":{"labels":["a","b",3,"d"],"since":"x"},"extra":true}
            """#
        let found = try violations(text, instance)
        #expect(
            found.map(\.pointer.description) == [
                "/repo", "/owner", "/state", "/per_page", "/filters/labels", "/filters/labels/2", "/filters/since",
                "/extra",
            ])
        #expect(
            found.map(\.message) == [
                "is required", "must be at least 1 characters", #"must be one of "open", "closed", "all""#,
                "expected integer, got number", "must have at most 3 items", "expected string, got integer",
                "is not a known argument (known: labels)",
                "is not a known argument (known: owner, repo, state, per_page, filters)",
            ])
        let valid = #"{"owner":"o","repo":"r","state":"open","per_page":100,"filters":{"labels":["a"]}}"#
        #expect(try violations(text, valid).isEmpty)
    }

    @Test("describes violations with their pointer, the root as (arguments)")
    func violationDescription() throws {
        #expect(SchemaViolation(pointer: .root, message: "m").description == "(arguments): m")
        #expect(SchemaViolation(pointer: JSONPointer(tokens: ["a", "0"]), message: "m").description == "/a/0: m")
        #expect(
            try violations(#"{"type":"object"}"#, "1").first?.description
                == "(arguments): expected object, got integer")
    }

    // MARK: - Invalid schemas

    @Test(
        "refuses to compile invalid schemas, pointing at the offending keyword",
        arguments: [
            (#"{"type":"strin"}"#, "/type"),
            (#"{"type":"float"}"#, "/type"),
            (#"{"type":5}"#, "/type"),
            (#"{"type":["string",1]}"#, "/type"),
            (#"{"type":["string","int"]}"#, "/type"),
            (#"{"pattern":"("}"#, "/pattern"),
            (#"{"pattern":"[a-"}"#, "/pattern"),
            (#"{"pattern":5}"#, "/pattern"),
            (#"{"properties":[]}"#, "/properties"),
            (#"{"properties":{"a":5}}"#, "/properties/a"),
            (#"{"properties":{"name":{"pattern":"a{2,1}"}}}"#, "/properties/name/pattern"),
            (#"{"properties":{"a/b":{"type":"x"}}}"#, "/properties/a~1b/type"),
            (#"{"items":{"type":"float"}}"#, "/items/type"),
            (#"{"items":"string"}"#, "/items"),
            (#"{"additionalProperties":{"type":"decimal"}}"#, "/additionalProperties/type"),
            (
                #"{"properties":{"a":{"items":{"properties":{"b":{"type":"str"}}}}}}"#,
                "/properties/a/items/properties/b/type"
            ),
            (#""string""#, ""),
            ("null", ""),
            ("[]", ""),
            ("1", ""),
        ] as [(String, String)]
    )
    func invalidSchemas(_ text: String, _ pointer: String) throws {
        let error = try compileError(text)
        #expect(error?.pointer.description == pointer, "\(text) gave \(String(describing: error))")
    }

    @Test("a bad type name is named in the error")
    func badTypeMessage() throws {
        let error = try compileError(#"{"type":"strin"}"#)
        #expect(error?.message.contains("strin") == true)
        #expect(error?.description == "/type: \(error?.message ?? "")")
    }

    @Test("an invalid regular expression is a JSONSchemaError, not a crash")
    func badRegex() {
        #expect(throws: JSONSchemaError.self) {
            try JSONSchema(["pattern": "(unclosed"])
        }
    }

    // MARK: - Reuse

    @Test("a compiled schema validates many instances concurrently")
    func concurrentReuse() async throws {
        let compiled = try schema(#"{"type":"object","properties":{"n":{"type":"integer","maximum":50}}}"#)
        let counts = await withTaskGroup(of: Int.self) { group in
            for index in 0..<100 {
                group.addTask { compiled.validate(["n": .int(Int64(index))]).count }
            }
            return await group.reduce(0, +)
        }
        #expect(counts == 49)
    }
}
