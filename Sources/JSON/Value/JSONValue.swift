/// A JSON value that round-trips vendor bodies faithfully: integers and doubles stay apart,
/// object members keep their order, and strings are exact Unicode.
package enum JSONValue: Sendable, Hashable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number written without fraction or exponent that fits in 64 bits.
    case int(Int64)
    /// Any other number a finite `Double` holds.
    case double(Double)
    /// A number kept exactly as written because neither case above can hold it: an integer beyond
    /// 64 bits (a 20-digit id) or a literal beyond a double's range (`1e400`). The text is valid
    /// JSON number syntax; writers copy it verbatim, so such values round-trip unchanged.
    case number(String)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object whose members keep the order they were written in.
    case object(JSONObject)
}

extension JSONValue {
    /// The member named `key` when this is an object, else `nil`.
    package subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    /// The element at `index` when this is an array and the index is in range, else `nil`.
    package subscript(index: Int) -> JSONValue? {
        if case .array(let array) = self, array.indices.contains(index) { return array[index] }
        return nil
    }

    /// The string when this is a string.
    package var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The boolean when this is a boolean.
    package var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// The integer when this is an integer, or a double with no fractional part that fits.
    package var intValue: Int64? {
        switch self {
        case .int(let value): return value
        case .double(let value):
            guard value.rounded() == value, let exact = Int64(exactly: value) else { return nil }
            return exact
        default: return nil
        }
    }

    /// The number as a double when this is any number a finite double can approximate.
    package var doubleValue: Double? {
        switch self {
        case .int(let value): return Double(value)
        case .double(let value): return value
        case .number(let text): return Double(text).flatMap { $0.isFinite ? $0 : nil }
        default: return nil
        }
    }

    /// Whether this is a number written without fraction or exponent (an `.int`, or a `.number`
    /// beyond 64 bits).
    package var isIntegerLiteral: Bool {
        switch self {
        case .int: return true
        case .number(let text): return !text.utf8.contains { $0 == UInt8(ascii: ".") || $0 | 0x20 == UInt8(ascii: "e") }
        default: return false
        }
    }

    /// The elements when this is an array.
    package var arrayValue: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// The members when this is an object.
    package var objectValue: JSONObject? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// Whether this is `null`.
    package var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The JSON Schema type name of this value (`integer` for integers, `number` for doubles).
    package var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .int: return "integer"
        case .double: return "number"
        case .number: return isIntegerLiteral ? "integer" : "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    /// The value as a plain string for a query or header: strings as they are, numbers and
    /// booleans in their JSON spelling, anything else as compact JSON.
    package var plainText: String {
        switch self {
        case .string(let value): return value
        case .null: return ""
        default: return encoded()
        }
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    /// A string literal.
    package init(stringLiteral value: String) { self = .string(value) }
    /// An integer literal.
    package init(integerLiteral value: Int64) { self = .int(value) }
    /// A floating-point literal.
    package init(floatLiteral value: Double) { self = .double(value) }
    /// A boolean literal.
    package init(booleanLiteral value: Bool) { self = .bool(value) }
    /// An array literal.
    package init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    /// An object literal, members in the literal's order.
    package init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(JSONObject(elements.map { JSONObject.Member(key: $0.0, value: $0.1) }))
    }
    /// `nil` is `null`.
    package init(nilLiteral: ()) { self = .null }
}
