import JSON

extension IntegrationDecoder {
    /// Wire-only keys of a parameter, stripped from the schema the model sees.
    static let wireKeys: Set<String> = ["in", "name", "to", "explode"]
    /// JSON Schema keywords a parameter (or a nested schema) may use.
    static let schemaKeywords: Set<String> = [
        "type", "description", "enum", "const", "default", "items", "properties", "additionalProperties", "required",
        "minItems", "maxItems", "uniqueItems", "minLength", "maxLength", "pattern", "format", "minimum", "maximum",
        "exclusiveMinimum", "exclusiveMaximum", "title", "examples",
    ]
    /// Every key a parameter may have (besides `x-` notes).
    static var parameterKeys: Set<String> { wireKeys.union(schemaKeywords).union(["required"]) }
    /// Keywords clients reject; refused wherever they appear.
    static let refusedKeywords: Set<String> = ["$ref", "oneOf", "anyOf", "allOf", "not", "$defs", "definitions"]

    func decodeParameters(_ reader: FieldReader?) -> [Parameter] {
        guard let reader else { return [] }
        var parameters: [Parameter] = []
        for member in reader.object {
            if let parameter = decodeParameter(member.value, name: member.key, at: reader.at(member.key)) {
                parameters.append(parameter)
            }
        }
        return parameters
    }

    private func decodeParameter(_ value: JSONValue, name: String, at pointer: JSONPointer) -> Parameter? {
        guard let reader = FieldReader(value, at: pointer, sink: sink, what: "a parameter") else { return nil }
        if !Self.isArgumentName(name) {
            sink.error(at: pointer, "argument name '\(name)' must match ^[A-Za-z_][A-Za-z0-9_.-]{0,63}$")
        }
        let locationText = reader.string("in", required: true) ?? "query"
        guard let location = ParameterLocation(rawValue: locationText) else {
            sink.error(at: reader.at("in"), "'in' must be path, query, header or body, not '\(locationText)'")
            return nil
        }
        var required = false
        var schema = JSONObject()
        for member in reader.object {
            switch member.key {
            case "in", "name", "to", "explode": continue
            case "required":
                if case .bool(let flag) = member.value {
                    required = flag
                } else {
                    schema["required"] = member.value
                }
            default:
                if Self.refusedKeywords.contains(member.key) {
                    sink.error(
                        at: reader.at(member.key),
                        "'\(member.key)' is not supported: MCP clients reject it; inline the schema")
                } else if member.key.hasPrefix("x-") {
                    continue  // a note for people, kept out of the schema the model sees
                } else if !Self.schemaKeywords.contains(member.key) {
                    let suggestion = FieldReader.suggestion(for: member.key, in: Self.parameterKeys)
                    sink.error(
                        at: reader.at(member.key), "unknown key '\(member.key)' in parameter '\(name)'\(suggestion)")
                } else {
                    checkNestedSchema(member.value, keyword: member.key, at: reader.at(member.key))
                    schema[member.key] = Self.withoutExtensions(member.value, keyword: member.key)
                }
            }
        }
        if location == .path, reader.bool("required") == false {
            sink.error(at: reader.at("required"), "path parameters are always required")
        }
        if schema["description"] == nil {
            sink.warning(at: pointer, "parameter '\(name)' has no description")
        }
        if schema["type"] == nil, schema["enum"] == nil, schema["const"] == nil {
            sink.warning(at: pointer, "parameter '\(name)' has no type")
        }
        var compiled: JSONSchema?
        do {
            compiled = try JSONSchema(.object(schema))
        } catch {
            sink.error(at: pointer.appending(error.pointer.tokens.first ?? ""), "invalid schema: \(error.message)")
        }
        if let defaultValue = schema["default"], let compiled, let violation = compiled.validate(defaultValue).first {
            sink.error(at: reader.at("default"), "default does not fit the schema: \(violation.message)")
        }
        let wireName = reader.string("name")
        if wireName != nil, location == .path || location == .body {
            sink.error(at: reader.at("name"), "'name' applies to query and header parameters only")
        }
        var bodyPointer: JSONPointer?
        if reader.has("to") {
            if location != .body { sink.error(at: reader.at("to"), "'to' applies to body parameters only") }
            bodyPointer = reader.jsonPointer("to")
        }
        let explode = reader.bool("explode") ?? true
        return Parameter(
            name: name, location: location, wireName: wireName, bodyPointer: bodyPointer, required: required,
            explode: explode, schema: .object(schema))
    }

    /// Looks inside nested schemas (`items`, `properties`) for refused or unknown keywords.
    private func checkNestedSchema(_ value: JSONValue, keyword: String, at pointer: JSONPointer) {
        switch keyword {
        case "items", "additionalProperties":
            checkSchema(value, at: pointer)
        case "properties":
            guard case .object(let members) = value else { return }
            for member in members { checkSchema(member.value, at: pointer.appending(member.key)) }
        default:
            return
        }
    }

    private func checkSchema(_ value: JSONValue, at pointer: JSONPointer) {
        guard case .object(let object) = value else { return }
        for member in object {
            if Self.refusedKeywords.contains(member.key) {
                sink.error(
                    at: pointer.appending(member.key),
                    "'\(member.key)' is not supported: MCP clients reject it; inline the schema")
            } else if !Self.schemaKeywords.contains(member.key), !member.key.hasPrefix("x-") {
                let suggestion = FieldReader.suggestion(for: member.key, in: Self.schemaKeywords)
                sink.error(
                    at: pointer.appending(member.key), "unknown JSON Schema keyword '\(member.key)'\(suggestion)")
            } else {
                checkNestedSchema(member.value, keyword: member.key, at: pointer.appending(member.key))
            }
        }
    }

    /// The value of a schema keyword with the `x-` notes of nested schemas removed (property names are kept).
    static func withoutExtensions(_ value: JSONValue, keyword: String) -> JSONValue {
        switch keyword {
        case "items", "additionalProperties":
            guard case .object(let object) = value else { return value }
            var cleaned = JSONObject()
            for member in object where !member.key.hasPrefix("x-") {
                cleaned[member.key] = withoutExtensions(member.value, keyword: member.key)
            }
            return .object(cleaned)
        case "properties":
            guard case .object(let properties) = value else { return value }
            var cleaned = JSONObject()
            for property in properties {
                cleaned[property.key] = withoutExtensions(property.value, keyword: "items")
            }
            return .object(cleaned)
        default:
            return value
        }
    }

    static func isArgumentName(_ name: String) -> Bool {
        guard let first = name.utf8.first, (first >= 65 && first <= 90) || (first >= 97 && first <= 122) || first == 95,
            name.utf8.count <= 64
        else { return false }
        return isToolName(name)
    }
}
