import JSON

/// Turns an OpenAPI schema into the JSON Schema subset a Switchyard parameter may carry.
///
/// `$ref`s are resolved (local ones only; a schema that refers to itself is cut where it recurs),
/// `nullable` and `null` types are dropped, `allOf` of objects is merged, and what the format cannot
/// express — a union of different shapes, nesting deeper than ``maximumDepth``, a remote reference —
/// becomes a plain `object` or `string` with a note saying so, never a failure. Only keywords the
/// integration format accepts are written.
struct SchemaTranslator {
    /// How many levels below a parameter keep their structure; deeper objects become free-form.
    static let maximumDepth = 2
    /// The most properties kept of one nested object.
    static let maximumProperties = 64

    /// The schema as the integration file will carry it, and notes on what was simplified.
    struct Translation {
        /// The translated schema (without `description` at the top level; the caller writes it).
        var schema: JSONObject
        /// One line per simplification, for the import's warnings.
        var notes: [String]
        /// The schema's own description (or its only variant's), for a parameter that has none.
        var description: String?
    }

    /// How the description of a union that became one type starts its list of the other shapes.
    static let shapesNote = "(Also accepts other shapes:"

    /// Resolves references in the document being imported.
    let resolver: RefResolver

    private static let copied = [
        "format", "minimum", "maximum", "minLength", "maxLength", "minItems", "maxItems", "uniqueItems",
    ]

    /// Translates `schema`; `fallback` (`string` or `object`) is the type given to a shape that
    /// cannot be expressed.
    func translate(_ schema: JSONValue, at pointer: JSONPointer, fallback: String) -> Translation {
        var notes: [String] = []
        var result = convert(schema, at: pointer, depth: 0, stack: [], fallback: fallback, notes: &notes)
        let description = result.removeValue(forKey: "description")?.stringValue
        if (try? JSONSchema(.object(result))) == nil {
            notes.append("the schema could not be expressed; it became a plain \(fallback)")
            result = ["type": .string(fallback)]
        }
        return Translation(schema: result, notes: notes, description: description)
    }

    private func convert(
        _ raw: JSONValue, at pointer: JSONPointer, depth: Int, stack: [String], fallback: String,
        notes: inout [String]
    ) -> JSONObject {
        var stack = stack
        let value: JSONValue
        switch resolver.resolve(raw, at: pointer) {
        case .value(let resolved, _, let refs):
            if let recurring = refs.first(where: stack.contains) {
                notes.append("'\(recurring)' refers to itself; the inner one became a free-form \(fallback)")
                return ["type": .string(fallback)]
            }
            stack += refs
            value = resolved
        case .remote(let reference):
            notes.append("remote reference '\(reference)' is not followed; it became a plain \(fallback)")
            return ["type": .string(fallback)]
        case .missing(let reference):
            notes.append("reference '\(reference)' names nothing in the document; it became a plain \(fallback)")
            return ["type": .string(fallback)]
        case .cycle(let reference):
            notes.append("reference '\(reference)' loops; it became a plain \(fallback)")
            return ["type": .string(fallback)]
        }
        guard case .object(let schema) = value else { return ["type": .string(fallback)] }
        var description = raw["description"]?.stringValue ?? schema["description"]?.stringValue
        var merged = schema
        if let parts = schema["allOf"]?.arrayValue {
            merged = mergeAllOf(parts, into: schema, at: pointer.appending("allOf"), stack: stack, notes: &notes)
        }
        for keyword in ["oneOf", "anyOf"] {
            guard let variants = merged[keyword]?.arrayValue else { continue }
            let kept = variants.enumerated().filter { !isPlaceholderVariant($0.element, at: pointer) }
            if kept.count == 1, let only = kept.first {
                var inner = convert(
                    only.element, at: pointer.appending(keyword).appending(only.offset), depth: depth, stack: stack,
                    fallback: fallback, notes: &notes)
                if let description, inner["description"] == nil {
                    inner["description"] = .string(description)
                }
                return inner
            }
            return union(kept.map(\.element), keyword: keyword, at: pointer, description: description, notes: &notes)
        }
        var result = JSONObject()
        let type = self.type(of: merged, fallback: fallback, notes: &notes)
        result["type"] = .string(type)
        if depth > 0, let text = description.flatMap(DescriptionText.parameter) {
            result["description"] = .string(text)
        } else if let text = description {
            result["description"] = .string(text)
        }
        description = nil
        if let values = merged["enum"]?.arrayValue {
            let fitting = values.filter { Self.fits($0, type: type) }
            if !fitting.isEmpty { result["enum"] = .array(fitting) }
        }
        if let value = merged["default"], Self.fits(value, type: type) { result["default"] = value }
        for keyword in Self.copied {
            if let value = merged[keyword], (keyword == "format") == (value.typeName == "string") {
                result[keyword] = value
            }
        }
        if let length = result["maxLength"]?.intValue, length >= 5000 {
            result.removeValue(forKey: "maxLength")  // a storage limit, not a constraint worth a model's tokens
        }
        copyExclusiveBounds(merged, into: &result)
        if let pattern = merged["pattern"]?.stringValue, type == "string",
            (try? JSONSchema(["type": "string", "pattern": .string(pattern)])) != nil
        {
            result["pattern"] = .string(pattern)
        }
        switch type {
        case "array":
            if depth >= Self.maximumDepth {
                notes.append("nested deeper than \(Self.maximumDepth) levels; the items were left free-form")
            } else if let items = merged["items"] {
                result["items"] = .object(
                    convert(
                        items, at: pointer.appending("items"), depth: depth + 1, stack: stack, fallback: "string",
                        notes: &notes))
            }
        case "object":
            convertObject(merged, at: pointer, depth: depth, stack: stack, into: &result, notes: &notes)
        default:
            break
        }
        return result
    }

    private func convertObject(
        _ schema: JSONObject, at pointer: JSONPointer, depth: Int, stack: [String], into result: inout JSONObject,
        notes: inout [String]
    ) {
        let properties = schema["properties"]?.objectValue ?? JSONObject()
        guard depth < Self.maximumDepth else {
            if !properties.isEmpty {
                notes.append("nested deeper than \(Self.maximumDepth) levels; it became a free-form object")
            }
            return
        }
        if !properties.isEmpty {
            if properties.count > Self.maximumProperties {
                notes.append("\(properties.count) properties; the first \(Self.maximumProperties) were kept")
            }
            var converted = JSONObject()
            for member in properties.members.prefix(Self.maximumProperties) {
                converted[member.key] = .object(
                    convert(
                        member.value, at: pointer.appending("properties").appending(member.key), depth: depth + 1,
                        stack: stack, fallback: "string", notes: &notes))
            }
            result["properties"] = .object(converted)
            let required = (schema["required"]?.arrayValue ?? []).filter {
                $0.stringValue.map { converted[$0] != nil } ?? false
            }
            if !required.isEmpty { result["required"] = .array(required) }
        }
        switch schema["additionalProperties"] {
        case .bool(let flag)?:
            result["additionalProperties"] = .bool(flag)
        case .object(let nested)? where !nested.isEmpty:
            result["additionalProperties"] = .object(
                convert(
                    .object(nested), at: pointer.appending("additionalProperties"), depth: depth + 1, stack: stack,
                    fallback: "string", notes: &notes))
        default:
            break
        }
    }

    /// The one type name a schema gets: its own (a 3.1 type list loses `null`; several others keep
    /// the first), or one inferred from its keywords, or the fallback.
    private func type(of schema: JSONObject, fallback: String, notes: inout [String]) -> String {
        switch schema["type"] {
        case .string(let name)? where Self.typeNames.contains(name) && name != "null":
            return name
        case .array(let names)?:
            let kept = names.compactMap(\.stringValue).filter { Self.typeNames.contains($0) && $0 != "null" }
            if kept.count > 1 {
                notes.append("the types \(kept.joined(separator: ", ")) became \(kept[0])")
            }
            if let first = kept.first { return first }
        default:
            break
        }
        if schema["properties"] != nil || schema["additionalProperties"] != nil { return "object" }
        if schema["items"] != nil { return "array" }
        if let first = schema["enum"]?.arrayValue?.first(where: { !$0.isNull }) { return first.typeName }
        return fallback
    }

    private static let typeNames: Set<String> = ["string", "integer", "number", "boolean", "array", "object", "null"]

    /// Merges the parts of an `allOf` that are objects; other parts make the merge give up quietly
    /// (the outer keywords stay).
    private func mergeAllOf(
        _ parts: [JSONValue], into base: JSONObject, at pointer: JSONPointer, stack: [String], notes: inout [String]
    ) -> JSONObject {
        var merged = base
        merged.removeValue(forKey: "allOf")
        var properties = base["properties"]?.objectValue ?? JSONObject()
        var required = base["required"]?.arrayValue ?? []
        for (index, part) in parts.enumerated() {
            guard case .value(let resolved, _, let refs) = resolver.resolve(part, at: pointer.appending(index)),
                !refs.contains(where: stack.contains), case .object(let object) = resolved
            else {
                notes.append("a part of allOf could not be read; it was left out")
                continue
            }
            for member in object.members where member.key != "properties" && member.key != "required" {
                if merged[member.key] == nil { merged[member.key] = member.value }
            }
            for member in object["properties"]?.objectValue?.members ?? [] where properties[member.key] == nil {
                properties[member.key] = member.value
            }
            required += object["required"]?.arrayValue ?? []
        }
        if !properties.isEmpty { merged["properties"] = .object(properties) }
        if !required.isEmpty { merged["required"] = .array(required) }
        merged.removeValue(forKey: "allOf")
        return merged
    }

    /// A union the format cannot express: one simple type when every variant has it, else the first
    /// simple variant's type (or `object`), documented.
    private func union(
        _ variants: [JSONValue], keyword: String, at pointer: JSONPointer, description: String?,
        notes: inout [String]
    ) -> JSONObject {
        var types: [String] = []
        for (index, variant) in variants.enumerated() {
            guard case .value(let resolved, _, _) = resolver.resolve(variant, at: pointer.appending(index)),
                case .object(let object) = resolved
            else { continue }
            var ignored: [String] = []
            types.append(type(of: object, fallback: "object", notes: &ignored))
        }
        var result = JSONObject()
        let distinct = types.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let simple = distinct.first { $0 != "object" && $0 != "array" }
        let chosen = distinct.count == 1 ? distinct[0] : simple ?? "object"
        result["type"] = .string(chosen)
        if distinct.count > 1 {
            notes.append("\(keyword) of \(distinct.joined(separator: ", ")) cannot be expressed; it became \(chosen)")
        }
        let variantDescription = variants.lazy.compactMap { variant -> String? in
            guard case .value(let resolved, _, _) = resolver.resolve(variant, at: pointer) else { return nil }
            return resolved["description"]?.stringValue
        }.first
        var text = (description ?? variantDescription).flatMap(DescriptionText.parameter) ?? ""
        if distinct.count > 1 {
            text += (text.isEmpty ? "" : " ") + "\(Self.shapesNote) \(distinct.joined(separator: ", ")).)"
        }
        if !text.isEmpty { result["description"] = .string(text) }
        return result
    }

    /// Variants that only say "may be empty": `{"type": "null"}` and Stripe's `{"enum": [""]}`.
    private func isPlaceholderVariant(_ variant: JSONValue, at pointer: JSONPointer) -> Bool {
        guard case .value(let resolved, _, _) = resolver.resolve(variant, at: pointer) else { return false }
        if resolved["type"]?.stringValue == "null" { return true }
        if let values = resolved["enum"]?.arrayValue, values.allSatisfy({ $0 == "" || $0.isNull }) { return true }
        return false
    }

    /// OpenAPI 3.0 spells exclusive bounds as booleans beside `minimum`/`maximum`; JSON Schema as numbers.
    private func copyExclusiveBounds(_ schema: JSONObject, into result: inout JSONObject) {
        for (exclusive, bound) in [("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")] {
            switch schema[exclusive] {
            case .bool(true)?:
                if let value = result.removeValue(forKey: bound) { result[exclusive] = value }
            case let number? where number.doubleValue != nil:
                result[exclusive] = number
            default:
                break
            }
        }
    }

    /// Whether a value (an enum member or a default) has the JSON type the schema declares.
    static func fits(_ value: JSONValue, type: String) -> Bool {
        switch type {
        case "number": return value.doubleValue != nil
        case "integer": return value.isIntegerLiteral || value.intValue != nil
        default: return value.typeName == type
        }
    }
}
