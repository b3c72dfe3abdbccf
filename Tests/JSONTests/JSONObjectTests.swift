import Testing

@testable import JSON

@Suite struct JSONObjectTests {
    private func object(_ pairs: [(String, JSONValue)]) -> JSONObject {
        JSONObject(pairs.map { JSONObject.Member(key: $0.0, value: $0.1) })
    }

    @Test("keeps members in the order given")
    func order() {
        let subject = object([("z", 1), ("a", 2), ("m", 3)])
        #expect(subject.keys == ["z", "a", "m"])
        #expect(subject.map(\.key) == ["z", "a", "m"])
        #expect(subject.members.map(\.value) == [1, 2, 3])
        #expect(subject.count == 3)
        #expect(!subject.isEmpty)
    }

    @Test("an empty object has no members")
    func empty() {
        let subject = JSONObject()
        #expect(subject.isEmpty)
        #expect(subject.members.isEmpty)
        #expect(subject.keys.isEmpty)
        #expect(subject["a"] == nil)
    }

    @Test("a repeated key in the initializer keeps the first position and the last value")
    func duplicateInit() {
        let subject = object([("a", 1), ("b", 2), ("a", 3)])
        #expect(subject.keys == ["a", "b"])
        #expect(subject["a"] == 3)
    }

    @Test("the subscript reads a member or nil")
    func read() {
        let subject = object([("a", 1), ("", "empty key")])
        #expect(subject["a"] == 1)
        #expect(subject[""] == "empty key")
        #expect(subject["A"] == nil)
    }

    @Test("setting a new key appends it")
    func append() {
        var subject = object([("a", 1)])
        subject["b"] = 2
        #expect(subject.keys == ["a", "b"])
        #expect(subject["b"] == 2)
    }

    @Test("setting an existing key replaces the value in place")
    func replace() {
        var subject = object([("a", 1), ("b", 2), ("c", 3)])
        subject["b"] = "two"
        #expect(subject.keys == ["a", "b", "c"])
        #expect(subject["b"] == "two")
    }

    @Test("setting null stores null, while setting nil removes the member")
    func nullVersusNil() {
        var subject = object([("a", 1), ("b", 2)])
        subject["a"] = .null
        #expect(subject.keys == ["a", "b"])
        #expect(subject["a"] == .null)
        subject["a"] = nil
        #expect(subject.keys == ["b"])
        subject["missing"] = nil
        #expect(subject.keys == ["b"])
    }

    @Test("removeValue(forKey:) returns the removed value and keeps the others in order")
    func remove() {
        var subject = object([("a", 1), ("b", 2), ("c", 3)])
        #expect(subject.removeValue(forKey: "b") == 2)
        #expect(subject.keys == ["a", "c"])
        #expect(subject.removeValue(forKey: "b") == nil)
        #expect(subject.keys == ["a", "c"])
    }

    @Test("re-adding a removed key puts it at the end")
    func reAdd() {
        var subject = object([("a", 1), ("b", 2)])
        subject.removeValue(forKey: "a")
        subject["a"] = 1
        #expect(subject.keys == ["b", "a"])
    }

    @Test("keys are compared by code units, not by Unicode canonical equivalence")
    func codeUnitKeys() {
        var subject = JSONObject()
        subject["\u{E9}"] = 1
        subject["e\u{301}"] = 2
        #expect(subject.count == 2)
        #expect(subject["\u{E9}"] == 1)
        #expect(subject["e\u{301}"] == 2)
        #expect(subject.removeValue(forKey: "e\u{301}") == 2)
        #expect(subject.keys == ["\u{E9}"])
    }

    @Test("equality ignores member order")
    func equalityIgnoresOrder() {
        let first = object([("a", 1), ("b", [1, 2]), ("c", ["x": nil])])
        let second = object([("c", ["x": nil]), ("a", 1), ("b", [1, 2])])
        #expect(first == second)
        #expect(JSONValue.object(first) == .object(second))
    }

    @Test("objects differing in a value, a key or a member count are unequal")
    func inequality() {
        let base = object([("a", 1), ("b", 2)])
        #expect(base != object([("a", 1), ("b", 3)]))
        #expect(base != object([("a", 1), ("c", 2)]))
        #expect(base != object([("a", 1)]))
        #expect(object([("a", 1)]) != base)
        #expect(base != object([("a", 1), ("b", 2), ("c", 3)]))
        #expect(base != object([("a", 1.0), ("b", 2)]))
        #expect(object([("a", nil)]) != object([("b", nil)]))
        #expect(JSONObject() == JSONObject())
    }

    @Test("equal objects hash equally whatever their member order")
    func hashing() {
        let first = object([("a", 1), ("b", "x"), ("c", [true, nil]), ("d", ["e": 1.5])])
        let second = object([("d", ["e": 1.5]), ("c", [true, nil]), ("b", "x"), ("a", 1)])
        #expect(first.hashValue == second.hashValue)
        #expect(Set([first, second]).count == 1)
        var byObject: [JSONObject: String] = [:]
        byObject[first] = "found"
        #expect(byObject[second] == "found")
    }

    @Test("objects that swap values between keys are unequal and land apart in a set")
    func swappedValues() {
        let first = object([("a", 1), ("b", 2)])
        let second = object([("a", 2), ("b", 1)])
        #expect(first != second)
        #expect(Set([first, second]).count == 2)
    }

    @Test("hashing distinguishes many small distinct objects")
    func hashSpread() {
        var objects: Set<JSONObject> = []
        for index in 0..<200 {
            objects.insert(object([("id", .int(Int64(index))), ("even", .bool(index % 2 == 0))]))
            objects.insert(object([("even", .bool(index % 2 == 0)), ("id", .int(Int64(index)))]))
        }
        #expect(objects.count == 200)
    }

    @Test("iterates members in order with for-in")
    func iteration() {
        var seen: [String] = []
        for member in object([("x", 1), ("y", 2)]) { seen.append("\(member.key)=\(member.value.plainText)") }
        #expect(seen == ["x=1", "y=2"])
    }
}
