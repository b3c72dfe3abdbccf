/// The members of a JSON object, in the order they were written; keys are unique.
///
/// Look-up is linear, which is faster than hashing for the small objects APIs return; equality
/// ignores member order, as JSON does.
package struct JSONObject: Sendable, Hashable, Sequence {
    /// One member of an object.
    package struct Member: Sendable, Hashable {
        /// The member's name.
        package var key: String
        /// The member's value.
        package var value: JSONValue

        /// Creates a member.
        package init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    /// The members in order.
    package private(set) var members: [Member]

    /// Creates an object from members; a later member replaces an earlier one of the same key.
    package init(_ members: [Member] = []) {
        self.members = []
        self.members.reserveCapacity(members.count)
        for member in members { self[member.key] = member.value }
    }

    /// Creates an object from members known to have unique keys (the parser's fast path).
    init(uniqueMembers: [Member]) {
        self.members = uniqueMembers
    }

    /// The number of members.
    package var count: Int { members.count }

    /// Whether the object has no members.
    package var isEmpty: Bool { members.isEmpty }

    /// The keys in order.
    package var keys: [String] { members.map(\.key) }

    /// The value of the member named `key`; setting `nil` removes the member, setting a new key appends it.
    package subscript(key: String) -> JSONValue? {
        get {
            for member in members where Self.sameKey(member.key, key) { return member.value }
            return nil
        }
        set {
            if let index = members.firstIndex(where: { Self.sameKey($0.key, key) }) {
                if let newValue {
                    members[index].value = newValue
                } else {
                    members.remove(at: index)
                }
            } else if let newValue {
                members.append(Member(key: key, value: newValue))
            }
        }
    }

    /// Removes the member named `key`, returning its value.
    @discardableResult
    package mutating func removeValue(forKey key: String) -> JSONValue? {
        guard let index = members.firstIndex(where: { Self.sameKey($0.key, key) }) else { return nil }
        return members.remove(at: index).value
    }

    /// Whether two keys are the same JSON name: equal code unit for code unit, as RFC 8259 compares
    /// them (Swift's `==` would also equate canonically equivalent spellings such as NFC and NFD `é`).
    static func sameKey(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.count == rhs.utf8.count && lhs.utf8.elementsEqual(rhs.utf8)
    }

    /// Iterates the members in order.
    package func makeIterator() -> IndexingIterator<[Member]> { members.makeIterator() }

    /// Objects are equal when they have the same keys with equal values, in any order.
    package static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.members.count == rhs.members.count else { return false }
        for member in lhs.members where rhs[member.key] != member.value { return false }
        return true
    }

    /// Hashes the members independently of their order.
    package func hash(into hasher: inout Hasher) {
        var combined = 0
        for member in members {
            var memberHasher = Hasher()
            memberHasher.combine(member)
            combined ^= memberHasher.finalize()
        }
        hasher.combine(members.count)
        hasher.combine(combined)
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    /// An object literal, members in the literal's order.
    package init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements.map { Member(key: $0.0, value: $0.1) })
    }
}
