/// An ordered list of HTTP header fields with case-insensitive look-up.
package struct HTTPHeaders: Sendable, Equatable, Sequence, ExpressibleByDictionaryLiteral {
    /// The fields in order, names as given.
    package private(set) var fields: [(name: String, value: String)]

    /// Creates a header list from fields in order.
    package init(_ fields: [(name: String, value: String)] = []) {
        self.fields = fields
    }

    /// Creates a header list from a literal, in the literal's order.
    package init(dictionaryLiteral elements: (String, String)...) {
        self.fields = elements.map { (name: $0.0, value: $0.1) }
    }

    /// The first value of the named field, compared case-insensitively, or `nil`.
    package subscript(name: String) -> String? {
        fields.first { Self.sameName($0.name, name) }?.value
    }

    /// Appends a field, keeping any existing field of the same name.
    package mutating func add(name: String, value: String) {
        fields.append((name: name, value: value))
    }

    /// Replaces every field of that name (case-insensitively) by one field with this value.
    package mutating func set(name: String, value: String) {
        remove(name: name)
        fields.append((name: name, value: value))
    }

    /// Removes every field of that name, compared case-insensitively.
    package mutating func remove(name: String) {
        fields.removeAll { Self.sameName($0.name, name) }
    }

    /// Whether two field names are equal ignoring ASCII case (names are ASCII tokens; this runs
    /// for every look-up of every response, so it compares bytes and allocates nothing).
    static func sameName(_ first: String, _ second: String) -> Bool {
        guard first.utf8.count == second.utf8.count else { return false }
        return first.utf8.elementsEqual(second.utf8) { left, right in
            guard left != right else { return true }
            let folded = left | 0x20
            return folded == right | 0x20 && folded >= UInt8(ascii: "a") && folded <= UInt8(ascii: "z")
        }
    }

    /// Iterates the fields in order.
    package func makeIterator() -> IndexingIterator<[(name: String, value: String)]> {
        fields.makeIterator()
    }

    /// Two header lists are equal when they hold the same fields in the same order.
    package static func == (lhs: HTTPHeaders, rhs: HTTPHeaders) -> Bool {
        lhs.fields.count == rhs.fields.count
            && zip(lhs.fields, rhs.fields).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }
}
