import JSON

/// What an operation's success response says about paging: where the items are, and which fields
/// carry a next cursor, a next URL, a has-more flag or a total.
///
/// Only the top level of the response and one object level below it (`meta`, `links`, `paging`,
/// `response_metadata`) are searched.
struct ResponseShape {
    /// The pointer to the array of items (`""` when the body is the array), `nil` when none was found.
    let records: String?
    /// The properties found, by pointer, with their declared type.
    private let fields: [(pointer: String, name: String, type: String)]
    /// The properties of one item, when the items are objects.
    let itemProperties: [String]
    /// Whether the success response declares a schema at all.
    let hasSchema: Bool

    /// Reads the success response of an operation (`200`, else the first `2xx`), JSON content only.
    init(operation: JSONValue, at pointer: JSONPointer, resolver: RefResolver, resource: String) {
        var schema: JSONValue?
        if case .value(let responses, _, _) = resolver.resolve(
            operation["responses"] ?? .null, at: pointer.appending("responses")),
            let object = responses.objectValue
        {
            let code = object.keys.first { $0 == "200" } ?? object.keys.first { $0.hasPrefix("2") }
            if let code,
                case .value(let response, _, _) = resolver.resolve(
                    object[code] ?? .null, at: pointer.appending("responses").appending(code))
            {
                let content = response["content"]?.objectValue ?? JSONObject()
                let json = content.members.first { $0.key.contains("json") } ?? content.members.first
                if let raw = json?.value["schema"], case .value(let resolved, _, _) = resolver.resolve(raw, at: pointer)
                {
                    schema = resolved
                }
            }
        }
        hasSchema = schema != nil
        var fields: [(String, String, String)] = []
        var records: String?
        var itemSchema: JSONValue?
        if let schema, Self.type(of: schema) == "array" {
            records = ""
            itemSchema = schema["items"]
        } else if let schema {
            let properties = Self.properties(of: schema, resolver: resolver)
            var arrays: [(name: String, items: JSONValue?)] = []
            for member in properties.members {
                let type = Self.type(of: member.value, resolver: resolver)
                let escaped = JSONPointer(tokens: [member.key]).description
                fields.append((escaped, member.key, type))
                if type == "array" {
                    let resolved = Self.resolved(member.value, resolver: resolver)
                    arrays.append((member.key, resolved?["items"]))
                } else if type == "object", Self.nestedNames.contains(Self.key(member.key)) {
                    for nested in Self.properties(of: member.value, resolver: resolver).members {
                        let pointer = JSONPointer(tokens: [member.key, nested.key]).description
                        fields.append((pointer, nested.key, Self.type(of: nested.value, resolver: resolver)))
                    }
                }
            }
            let preferred =
                arrays.first { Self.recordNames.contains(Self.key($0.name)) }
                ?? arrays.first { Self.key($0.name) == Self.key(resource) } ?? (arrays.count == 1 ? arrays.first : nil)
            if let preferred {
                records = JSONPointer(tokens: [preferred.name]).description
                itemSchema = preferred.items
            }
        }
        self.records = records
        self.fields = fields
        if let itemSchema {
            itemProperties = Self.properties(of: itemSchema, resolver: resolver).keys
        } else {
            itemProperties = []
        }
    }

    /// The pointer of the first field whose normalized name is one of `names` and whose type is `type`.
    func field(named names: [String], type: String) -> String? {
        for name in names {
            if let found = fields.first(where: { Self.key($0.name) == name && $0.type == type }) {
                return found.pointer
            }
        }
        return nil
    }

    /// A name lower-cased without `_`, `-`, `.`, `$`, `@`, `[` and `]`, so `per_page`, `perPage` and
    /// `page[size]`-like spellings compare equal.
    static func key(_ name: String) -> String {
        String(name.lowercased().filter { $0.isLetter || $0.isNumber })
    }

    private static let recordNames: Set<String> = [
        "data", "items", "results", "records", "values", "entries", "elements", "list", "value", "objects",
    ]
    private static let nestedNames: Set<String> = [
        "meta", "links", "paging", "pagination", "responsemetadata", "metadata", "page", "cursor", "additionaldata",
    ]

    private static func resolved(_ value: JSONValue, resolver: RefResolver) -> JSONValue? {
        guard case .value(let resolved, _, _) = resolver.resolve(value, at: .root) else { return nil }
        return resolved
    }

    private static func type(of schema: JSONValue) -> String? {
        if let name = schema["type"]?.stringValue { return name }
        if let names = schema["type"]?.arrayValue?.compactMap(\.stringValue) { return names.first { $0 != "null" } }
        if schema["items"] != nil { return "array" }
        if schema["properties"] != nil || schema["allOf"] != nil { return "object" }
        return nil
    }

    private static func type(of value: JSONValue, resolver: RefResolver) -> String {
        guard let schema = resolved(value, resolver: resolver) else { return "unknown" }
        if let name = type(of: schema) { return name }
        for keyword in ["anyOf", "oneOf"] {
            for variant in schema[keyword]?.arrayValue ?? [] {
                if let inner = resolved(variant, resolver: resolver), let name = type(of: inner), name != "null" {
                    return name
                }
            }
        }
        return "unknown"
    }

    /// The properties of an object schema, following references and one level of `allOf`.
    private static func properties(of value: JSONValue, resolver: RefResolver) -> JSONObject {
        guard let schema = resolved(value, resolver: resolver) else { return JSONObject() }
        var result = schema["properties"]?.objectValue ?? JSONObject()
        for part in schema["allOf"]?.arrayValue ?? [] {
            guard let inner = resolved(part, resolver: resolver) else { continue }
            for member in inner["properties"]?.objectValue ?? JSONObject() where result[member.key] == nil {
                result[member.key] = member.value
            }
        }
        return result
    }
}
