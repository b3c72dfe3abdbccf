import JSON

/// The `account` parameter a tool gains when its integration has more than one account.
package enum AccountParameter {
    /// The tool with `account` in its input schema (an `enum` of the account names; required when
    /// there is no default account) and in its validators.
    package static func adding(to tool: Tool, accounts: AccountSet) throws(JSONSchemaError) -> Tool {
        guard accounts.isChoice, case .object(var schema) = tool.inputSchema,
            case .object(var properties)? = schema["properties"]
        else { return tool }
        let names = accounts.names
        let description =
            accounts.hasDefault
            ? "Which \(tool.integration) account to act as; leave out for the default account."
            : "Which \(tool.integration) account to act as."
        properties["account"] = [
            "type": "string", "enum": .array(names.map { .string($0) }), "description": .string(description),
        ]
        schema["properties"] = .object(properties)
        if !accounts.hasDefault {
            var required = schema["required"]?.arrayValue ?? []
            required.append("account")
            schema["required"] = .array(required)
        }
        var changed = tool
        changed.inputSchema = .object(schema)
        changed.validator = try JSONSchema(.object(schema))
        if tool.cursorValidator != nil {
            var relaxed = schema
            relaxed.removeValue(forKey: "required")
            changed.cursorValidator = try JSONSchema(.object(relaxed))
        }
        return changed
    }
}
