import Foundation
import Testing

@testable import JSON

@Suite struct JSONValueTests {
    @Test("builds every case from literals")
    func literals() {
        #expect(JSONValue(nilLiteral: ()) == .null)
        let null: JSONValue = nil
        let flag: JSONValue = true
        let integer: JSONValue = 42
        let double: JSONValue = 4.5
        let string: JSONValue = "s"
        let array: JSONValue = [1, "a"]
        let object: JSONValue = ["k": 1, "j": nil]
        #expect(null == .null)
        #expect(flag == .bool(true))
        #expect(integer == .int(42))
        #expect(double == .double(4.5))
        #expect(string == .string("s"))
        #expect(array == .array([.int(1), .string("a")]))
        #expect(object.objectValue?.keys == ["k", "j"])
        #expect(object["j"] == .null)
    }

    @Test("a dictionary literal with a repeated key keeps the last value")
    func repeatedLiteralKey() {
        let object: JSONValue = ["a": 1, "b": 2, "a": 3]
        #expect(object.objectValue?.count == 2)
        #expect(object["a"] == 3)
    }

    @Test("stringValue, boolValue, arrayValue and objectValue answer only for their own case")
    func typedAccessors() {
        let values: [JSONValue] = [nil, true, 1, 1.5, "s", [1], ["k": 1]]
        #expect(values.map { $0.stringValue } == [nil, nil, nil, nil, "s", nil, nil])
        #expect(values.map { $0.boolValue } == [nil, true, nil, nil, nil, nil, nil])
        #expect(values.map { $0.arrayValue } == [nil, nil, nil, nil, nil, [1], nil])
        #expect(
            values.map { $0.objectValue } == [nil, nil, nil, nil, nil, nil, JSONObject([.init(key: "k", value: 1)])])
        #expect(values.map(\.isNull) == [true, false, false, false, false, false, false])
    }

    @Test("intValue accepts integers and integral doubles that fit, nothing else")
    func intValue() {
        #expect(JSONValue.int(7).intValue == 7)
        #expect(JSONValue.int(.min).intValue == .min)
        #expect(JSONValue.double(7.0).intValue == 7)
        #expect(JSONValue.double(-0.0).intValue == 0)
        #expect(JSONValue.double(1e18).intValue == 1_000_000_000_000_000_000)
        #expect(JSONValue.double(7.5).intValue == nil)
        #expect(JSONValue.double(1e19).intValue == nil)
        #expect(JSONValue.double(9_223_372_036_854_775_808.0).intValue == nil)
        #expect(JSONValue.double(.infinity).intValue == nil)
        #expect(JSONValue.double(.nan).intValue == nil)
        #expect(JSONValue.string("7").intValue == nil)
        #expect(JSONValue.bool(true).intValue == nil)
        #expect(JSONValue.null.intValue == nil)
    }

    @Test("doubleValue converts any number and nothing else")
    func doubleValue() {
        #expect(JSONValue.int(3).doubleValue == 3.0)
        #expect(JSONValue.double(0.25).doubleValue == 0.25)
        #expect(JSONValue.string("3").doubleValue == nil)
        #expect(JSONValue.null.doubleValue == nil)
        #expect(JSONValue.bool(false).doubleValue == nil)
    }

    @Test("the key subscript reads members of objects and nil elsewhere")
    func keySubscript() {
        let object: JSONValue = ["a": ["b": "c"]]
        #expect(object["a"]?["b"] == "c")
        #expect(object["missing"] == nil)
        #expect(JSONValue.array(["a"])["a"] == nil)
        #expect(JSONValue.string("a")["a"] == nil)
    }

    @Test("the index subscript reads in-range elements of arrays and nil elsewhere")
    func indexSubscript() {
        let array: JSONValue = [10, 20, [30]]
        #expect(array[0] == 10)
        #expect(array[2]?[0] == 30)
        #expect(array[3] == nil)
        #expect(array[-1] == nil)
        #expect(JSONValue.object(JSONObject())[0] == nil)
        #expect(JSONValue.string("abc")[0] == nil)
    }

    @Test("names every type as JSON Schema does")
    func typeNames() {
        let values: [JSONValue] = [nil, false, 1, 1.0, "", [], [:]]
        #expect(values.map(\.typeName) == ["null", "boolean", "integer", "number", "string", "array", "object"])
    }

    @Test("plainText gives strings verbatim, null as empty and everything else as compact JSON")
    func plainText() {
        #expect(JSONValue.string("a \"b\"").plainText == "a \"b\"")
        #expect(JSONValue.null.plainText == "")
        #expect(JSONValue.int(-42).plainText == "-42")
        #expect(JSONValue.double(1.5).plainText == "1.5")
        #expect(JSONValue.bool(true).plainText == "true")
        #expect(JSONValue.array([1, "x"]).plainText == #"[1,"x"]"#)
        #expect(JSONValue.object(JSONObject([.init(key: "k", value: nil)])).plainText == #"{"k":null}"#)
    }

    @Test("integers and doubles are different values even when numerically equal")
    func intDoubleInequality() {
        #expect(JSONValue.int(1) != .double(1))
        #expect(JSONValue.array([1]) != .array([1.0]))
        #expect(Set<JSONValue>([1, 1.0]).count == 2)
    }

    @Test("equality ignores member order at any depth")
    func nestedEquality() throws {
        let first = try JSONParser.parse(#"[{"a":1,"b":{"c":2,"d":[{"e":3,"f":4}]}}]"#)
        let second = try JSONParser.parse(#"[{"b":{"d":[{"f":4,"e":3}],"c":2},"a":1}]"#)
        #expect(first == second)
        #expect(first.hashValue == second.hashValue)
        #expect(Set([first, second]).count == 1)
        let different = try JSONParser.parse(#"[{"b":{"d":[{"f":4,"e":3}],"c":2},"a":2}]"#)
        #expect(first != different)
    }

    @Test("array equality respects element order")
    func arrayOrder() {
        #expect(JSONValue.array([1, 2]) != .array([2, 1]))
    }

    @Test("init(parsing:) throws the parser's error")
    func parsingInitializer() {
        #expect(throws: JSONParseError(offset: 3, reason: "unexpected character")) {
            try JSONValue(parsing: "[1,]")
        }
        #expect(throws: JSONParseError.self) {
            try JSONValue(parsing: Data([0x22, 0xC3, 0x28, 0x22]))
        }
    }

    @Test("values cross concurrency domains")
    func sendable() async {
        let value: JSONValue = ["list": [1, 2, 3]]
        let count = await Task.detached { value["list"]?.arrayValue?.count }.value
        #expect(count == 3)
    }
}
