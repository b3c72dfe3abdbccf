import JSON

/// Generates MCP tool definitions from operations exactly as DESIGN.md §4 prescribes.
package enum ToolBuilder {
    /// The sentence appended to every list tool's description.
    package static let cursorSentence = "If has_more is true, pass next_cursor back exactly as received to get more."

    /// The output schema every list tool declares.
    package static let listOutputSchema: JSONValue = [
        "type": "object",
        "properties": [
            "items": ["type": "array"],
            "has_more": ["type": "boolean"],
            "next_cursor": ["type": "string"],
            "total": ["type": "integer"],
            "truncated": ["type": "boolean"],
        ],
        "required": ["items", "has_more"],
    ]

    /// Builds the tool for one operation of an integration.
    package static func tool(for operation: APIOperation, in integration: Integration) throws(JSONSchemaError) -> Tool {
        let isList = operation.kind == .list
        var properties = JSONObject()
        var required: [JSONValue] = []
        for parameter in operation.parameters {
            properties[parameter.name] = parameter.schema
            if parameter.required { required.append(.string(parameter.name)) }
        }
        if isList {
            let pagination = operation.pagination ?? PaginationConfig(style: .none)
            properties["limit"] = [
                "type": "integer", "minimum": 1, "maximum": .int(Int64(pagination.maxLimit)),
                "default": .int(Int64(pagination.defaultLimit)), "description": "Most items to return.",
            ]
            properties["next_cursor"] = [
                "type": "string", "description": "The next_cursor of a previous call, unchanged.",
            ]
            properties["fields"] = [
                "type": "array", "items": ["type": "string"], "description": "Top-level item fields to keep.",
            ]
        }
        var schema: JSONObject = ["type": "object", "properties": .object(properties)]
        if !required.isEmpty { schema["required"] = .array(required) }
        schema["additionalProperties"] = false
        let validator = try JSONSchema(.object(schema))
        let cursorValidator = isList ? validator.droppingRequired() : nil
        // Not `isList ? listOutputSchema : nil`: JSONValue is ExpressibleByNilLiteral, so that `nil`
        // would become `.some(.null)` and every other tool would declare `"outputSchema": null`.
        var outputSchema: JSONValue?
        if isList { outputSchema = listOutputSchema }
        var description = operation.description
        if isList {
            if !description.hasSuffix(".") && !description.isEmpty { description += "." }
            description += (description.isEmpty ? "" : " ") + cursorSentence
        }
        return Tool(
            name: operation.toolName, integration: integration.name, operation: operation, description: description,
            inputSchema: .object(schema), validator: validator, cursorValidator: cursorValidator,
            outputSchema: outputSchema, annotations: annotations(for: operation),
            fingerprint: fingerprint(of: operation, schema: .object(schema), in: integration))
    }

    /// The pagination settings spelled out field by field (`String(describing:)` would do it
    /// through reflection, a cost every tool paid at every load).
    private static func paginationText(_ pagination: PaginationConfig?) -> String {
        guard let p = pagination else { return "-" }
        func text(_ pointer: JSONPointer?) -> String { pointer.map(\.description) ?? "-" }
        var fields = [p.style.rawValue, text(p.records), text(p.hasMore), text(p.total), text(p.totalPages)]
        fields += [text(p.next), text(p.done), p.offsetParam ?? "-", "\(p.offsetPlacement)", p.pageParam ?? "-"]
        fields += ["\(p.firstPage)", "\(p.maxLimit)", "\(p.defaultLimit)"]
        if let size = p.pageSize { fields += [size.param, "\(size.placement)", "\(size.max)"] }
        if let cursor = p.cursor {
            fields += [cursor.param, "\(cursor.placement)", text(cursor.from), text(cursor.fromLastItem)]
        }
        return fields.joined(separator: "|")
    }

    /// The digest a list cursor is bound to: what the walk it resumes depends on.
    static func fingerprint(of operation: APIOperation, schema: JSONValue, in integration: Integration) -> String {
        var hasher = SHA256()
        hasher.update(Array("\(integration.name)\n\(operation.method) \(operation.path)\n".utf8))
        hasher.update(schema.encodedData(sortedKeys: true))
        hasher.update(Array("\n\(paginationText(operation.pagination))".utf8))
        return hasher.finalize().prefix(8).map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
    }

    /// The annotation hints a kind implies, with the file's overrides applied.
    package static func annotations(for operation: APIOperation) -> JSONValue {
        let readOnly: Bool
        let destructive: Bool
        let idempotent: Bool
        switch operation.kind {
        case .list, .get, .search: (readOnly, destructive, idempotent) = (true, false, true)
        case .create: (readOnly, destructive, idempotent) = (false, false, false)
        case .update: (readOnly, destructive, idempotent) = (false, true, operation.method == "PUT")
        case .delete: (readOnly, destructive, idempotent) = (false, true, true)
        case .action: (readOnly, destructive, idempotent) = (false, true, false)
        }
        var hints: JSONObject = [
            "readOnlyHint": .bool(readOnly), "destructiveHint": .bool(destructive), "idempotentHint": .bool(idempotent),
            "openWorldHint": true,
        ]
        for member in operation.annotationOverrides { hints[member.key] = member.value }
        return .object(hints)
    }
}
