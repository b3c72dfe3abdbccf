import FoundationEssentials

/// A compiled JSON Schema of the subset tool inputs use, ready to validate many instances.
///
/// Supported: `type` (a name or an array of names; `integer` vs `number`), `properties`,
/// `required`, `additionalProperties` (boolean or schema), `enum`, `const`, `items`,
/// `minItems`/`maxItems`, `minLength`/`maxLength` (in Unicode scalars), `pattern`,
/// `minimum`/`maximum`, `exclusiveMinimum`/`exclusiveMaximum` (numeric form). Other keywords
/// (`description`, `default`, `format`, …) are annotations and ignored.
package struct JSONSchema: Sendable {
    private var types: [String]? = nil
    private var properties: [(name: String, schema: JSONSchema)] = []
    private var required: [String] = []
    private var additionalAllowed = true
    private var additionalSchema: Box? = nil
    private var enumeration: [JSONValue]? = nil
    private var constant: JSONValue? = nil
    private var items: Box? = nil
    private var minItems: Int? = nil
    private var maxItems: Int? = nil
    private var minLength: Int? = nil
    private var maxLength: Int? = nil
    private var pattern: SchemaPattern? = nil
    private var minimum: Double? = nil
    private var maximum: Double? = nil
    private var exclusiveMinimum: Double? = nil
    private var exclusiveMaximum: Double? = nil

    /// Compiles a schema; throws ``JSONSchemaError`` naming the keyword that cannot be used.
    package init(_ schema: JSONValue) throws(JSONSchemaError) {
        try self.init(schema, at: .root)
    }

    private init(_ schema: JSONValue, at location: JSONPointer) throws(JSONSchemaError) {
        if case .bool(let flag) = schema {
            if !flag { types = [] }
            return
        }
        guard case .object(let object) = schema else {
            throw JSONSchemaError(pointer: location, message: "a schema must be an object")
        }
        switch object["type"] {
        case nil: types = nil
        case .string(let name)?: types = [name]
        case .array(let names)?:
            var collected: [String] = []
            for name in names {
                guard let name = name.stringValue else {
                    throw JSONSchemaError(pointer: location.appending("type"), message: "type names must be strings")
                }
                collected.append(name)
            }
            types = collected
        default: throw JSONSchemaError(pointer: location.appending("type"), message: "type must be a string or array")
        }
        let known: Set<String> = ["null", "boolean", "integer", "number", "string", "array", "object"]
        for name in types ?? [] where !known.contains(name) {
            throw JSONSchemaError(pointer: location.appending("type"), message: "unknown type '\(name)'")
        }
        var compiled: [(name: String, schema: JSONSchema)] = []
        if let props = object["properties"] {
            guard case .object(let members) = props else {
                throw JSONSchemaError(
                    pointer: location.appending("properties"), message: "properties must be an object")
            }
            for member in members {
                let child = try JSONSchema(member.value, at: location.appending("properties").appending(member.key))
                compiled.append((member.key, child))
            }
        }
        properties = compiled
        required = object["required"]?.arrayValue?.compactMap(\.stringValue) ?? []
        switch object["additionalProperties"] {
        case nil, .bool(true)?:
            additionalAllowed = true
            additionalSchema = nil
        case .bool(false)?:
            additionalAllowed = false
            additionalSchema = nil
        case let nested?:
            additionalAllowed = true
            additionalSchema = Box(try JSONSchema(nested, at: location.appending("additionalProperties")))
        }
        enumeration = object["enum"]?.arrayValue
        constant = object["const"]
        if let itemSchema = object["items"] {
            items = Box(try JSONSchema(itemSchema, at: location.appending("items")))
        } else {
            items = nil
        }
        minItems = object["minItems"]?.intValue.map { Int($0) }
        maxItems = object["maxItems"]?.intValue.map { Int($0) }
        minLength = object["minLength"]?.intValue.map { Int($0) }
        maxLength = object["maxLength"]?.intValue.map { Int($0) }
        if let source = object["pattern"] {
            guard let text = source.stringValue, let compiledPattern = SchemaPattern(text) else {
                throw JSONSchemaError(
                    pointer: location.appending("pattern"), message: "pattern is not a valid regular expression")
            }
            pattern = compiledPattern
        } else {
            pattern = nil
        }
        minimum = object["minimum"]?.doubleValue
        maximum = object["maximum"]?.doubleValue
        exclusiveMinimum = object["exclusiveMinimum"]?.doubleValue
        exclusiveMaximum = object["exclusiveMaximum"]?.doubleValue
    }

    /// The same schema without its top-level `required` list (nested schemas keep theirs), at
    /// the cost of a copy rather than a second compilation.
    package func droppingRequired() -> JSONSchema {
        var copy = self
        copy.required = []
        return copy
    }

    /// Every violation of the instance, in document order; empty when it is valid.
    package func validate(_ instance: JSONValue) -> [SchemaViolation] {
        var violations: [SchemaViolation] = []
        validate(instance, at: .root, into: &violations)
        return violations
    }

    private func validate(_ instance: JSONValue, at location: JSONPointer, into violations: inout [SchemaViolation]) {
        if let types, !types.contains(where: { Self.matches(instance, type: $0) }) {
            let expected = types.isEmpty ? "nothing (no value is allowed here)" : types.joined(separator: " or ")
            violations.append(
                SchemaViolation(pointer: location, message: "expected \(expected), got \(instance.typeName)"))
            return
        }
        if let enumeration, !enumeration.contains(where: { Self.equal($0, instance) }) {
            let allowed = enumeration.map { $0.encoded() }.joined(separator: ", ")
            violations.append(SchemaViolation(pointer: location, message: "must be one of \(allowed)"))
        }
        if let constant, !Self.equal(constant, instance) {
            violations.append(SchemaViolation(pointer: location, message: "must be \(constant.encoded())"))
        }
        switch instance {
        case .string(let text): validateString(text, at: location, into: &violations)
        case .int, .double: validateNumber(instance.doubleValue ?? 0, at: location, into: &violations)
        case .number(let text):
            // Beyond a double's range the literal reads as ±infinity, past any minimum or maximum.
            validateNumber(Double(text) ?? 0, at: location, into: &violations)
        case .array(let elements): validateArray(elements, at: location, into: &violations)
        case .object(let object): validateObject(object, at: location, into: &violations)
        default: break
        }
    }

    private func validateString(_ text: String, at location: JSONPointer, into violations: inout [SchemaViolation]) {
        let length = text.unicodeScalars.count
        if let minLength, length < minLength {
            violations.append(SchemaViolation(pointer: location, message: "must be at least \(minLength) characters"))
        }
        if let maxLength, length > maxLength {
            violations.append(SchemaViolation(pointer: location, message: "must be at most \(maxLength) characters"))
            return
        }
        if let pattern, !pattern.matches(text) {
            violations.append(SchemaViolation(pointer: location, message: "must match the pattern \(pattern.source)"))
        }
    }

    private func validateNumber(_ number: Double, at location: JSONPointer, into violations: inout [SchemaViolation]) {
        if let minimum, number < minimum {
            violations.append(SchemaViolation(pointer: location, message: "must be at least \(Self.format(minimum))"))
        }
        if let maximum, number > maximum {
            violations.append(SchemaViolation(pointer: location, message: "must be at most \(Self.format(maximum))"))
        }
        if let exclusiveMinimum, number <= exclusiveMinimum {
            violations.append(
                SchemaViolation(pointer: location, message: "must be greater than \(Self.format(exclusiveMinimum))"))
        }
        if let exclusiveMaximum, number >= exclusiveMaximum {
            violations.append(
                SchemaViolation(pointer: location, message: "must be less than \(Self.format(exclusiveMaximum))"))
        }
    }

    private func validateArray(
        _ elements: [JSONValue], at location: JSONPointer, into violations: inout [SchemaViolation]
    ) {
        if let minItems, elements.count < minItems {
            violations.append(SchemaViolation(pointer: location, message: "must have at least \(minItems) items"))
        }
        if let maxItems, elements.count > maxItems {
            violations.append(SchemaViolation(pointer: location, message: "must have at most \(maxItems) items"))
        }
        guard let items else { return }
        for (index, element) in elements.enumerated() {
            items.schema.validate(element, at: location.appending(index), into: &violations)
        }
    }

    private func validateObject(
        _ object: JSONObject, at location: JSONPointer, into violations: inout [SchemaViolation]
    ) {
        for name in required where object[name] == nil {
            violations.append(SchemaViolation(pointer: location.appending(name), message: "is required"))
        }
        for member in object {
            if let property = properties.first(where: { $0.name == member.key }) {
                property.schema.validate(member.value, at: location.appending(member.key), into: &violations)
            } else if !additionalAllowed {
                let known = properties.map(\.name).joined(separator: ", ")
                let hint = known.isEmpty ? "no arguments are accepted" : "known: \(known)"
                violations.append(
                    SchemaViolation(
                        pointer: location.appending(member.key), message: "is not a known argument (\(hint))"))
            } else if let additionalSchema {
                additionalSchema.schema.validate(member.value, at: location.appending(member.key), into: &violations)
            }
        }
    }

    private static func matches(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object):
            return true
        case ("integer", .int): return true
        case ("integer", .double(let number)): return number.rounded() == number && number.isFinite
        case ("integer", .number): return value.isIntegerLiteral
        case ("number", .int), ("number", .double), ("number", .number): return true
        default: return false
        }
    }

    /// JSON equality with numbers compared by value (`1` equals `1.0`), inside arrays and objects too.
    private static func equal(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.int(let left), .int(let right)):
            // Exactly: distinct integers beyond 2^53 can share a Double.
            return left == right
        case (.array(let left), .array(let right)):
            return left.count == right.count && zip(left, right).allSatisfy { equal($0, $1) }
        case (.object(let left), .object(let right)):
            return left.count == right.count
                && left.allSatisfy { member in right[member.key].map { equal(member.value, $0) } ?? false }
        default:
            if let left = lhs.doubleValue, let right = rhs.doubleValue { return left == right }
            return lhs == rhs
        }
    }

    private static func format(_ number: Double) -> String {
        if number.rounded() == number, abs(number) < 1e15 { return String(Int64(number)) }
        return String(number)
    }

    /// Indirection so a schema can hold schemas of its own type.
    private final class Box: Sendable {
        let schema: JSONSchema
        init(_ schema: JSONSchema) { self.schema = schema }
    }
}
