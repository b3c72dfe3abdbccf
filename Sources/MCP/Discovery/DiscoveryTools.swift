import JSON

/// The four meta-tools of `--discovery search`: their names and their definitions.
///
/// Their descriptions teach the loop — search, describe, call — in a few sentences; together they
/// cost well under the 1,500-token budget of issue #14 whatever the catalogue's size.
package enum DiscoveryTools {
    /// Ranks the catalogue's tools for a task.
    package static let search = "search_tools"
    /// Gives full definitions by name.
    package static let describe = "describe_tools"
    /// Runs a `list`/`get`/`search` tool.
    package static let callRead = "call_read_tool"
    /// Runs a `create`/`update`/`delete`/`action` tool.
    package static let callWrite = "call_write_tool"

    /// The most results `search_tools` returns, and its default.
    package static let searchLimit = (maximum: 20, default: 5)
    /// The most integration names `search_tools`' description lists.
    package static let namedIntegrations = 20
    /// The most names one `describe_tools` call takes.
    package static let describeLimit = 10

    /// The meta-tools' definitions; `call_write_tool` is left out when `readOnly`.
    /// `integrations` (names) tell the model what the hidden catalogue covers.
    package static func descriptors(integrations: [String], readOnly: Bool) -> [ToolDescriptor] {
        // At most `namedIntegrations` names, so the listing's cost stays bounded however many files there are.
        var named = integrations.prefix(namedIntegrations).joined(separator: ", ")
        if integrations.count > namedIntegrations { named += " and \(integrations.count - namedIntegrations) more" }
        let covered = integrations.isEmpty ? "" : " Integrations: \(named)."
        let callers =
            readOnly
            ? "run them with call_read_tool (this server is read-only)"
            : "run them with call_read_tool (list, get, search) or call_write_tool (create, update, delete, action)"
        var tools = [
            ToolDescriptor(
                name: search, title: "Search tools",
                description:
                    "Find the tools for a task: this server's API tools are not listed, search them instead."
                    + covered
                    + " Describe the task in plain words (e.g. \"close Jira issue ENG-12\"); results come best first"
                    + " with name, kind and summary. Then call describe_tools with the names you need and \(callers).",
                inputSchema: [
                    "type": "object",
                    "properties": [
                        "query": [
                            "type": "string", "minLength": 1, "maxLength": 2000,
                            "description": "The task, in plain words.",
                        ],
                        "limit": [
                            "type": "integer", "minimum": 1, "maximum": .int(Int64(searchLimit.maximum)),
                            "default": .int(Int64(searchLimit.default)), "description": "Most tools to return.",
                        ],
                        "tags": [
                            "type": "array", "items": ["type": "string"],
                            "description": "Only tools carrying one of these tags.",
                        ],
                    ],
                    "required": ["query"], "additionalProperties": false,
                ],
                outputSchema: listSchema(
                    item: [
                        "name": ["type": "string"], "integration": ["type": "string"], "kind": ["type": "string"],
                        "summary": ["type": "string"], "tokens": ["type": "integer"],
                    ]),
                annotations: hints(readOnly: true, openWorld: false)),
            ToolDescriptor(
                name: describe, title: "Describe tools",
                description:
                    "Get the full definitions (description, inputSchema, outputSchema, annotations) of tools found"
                    + " with search_tools, by exact name, to learn their arguments before calling them.",
                inputSchema: [
                    "type": "object",
                    "properties": [
                        "names": [
                            "type": "array", "items": ["type": "string", "maxLength": 64], "minItems": 1,
                            "maxItems": .int(Int64(describeLimit)), "description": "Exact tool names.",
                        ]
                    ],
                    "required": ["names"], "additionalProperties": false,
                ],
                outputSchema: listSchema(item: nil),
                annotations: hints(readOnly: true, openWorld: false)),
            caller(
                callRead, title: "Call a read tool",
                description:
                    "Run a read-only tool (kind list, get or search) by exact name with its arguments as"
                    + " describe_tools gave them. The result is that tool's own; to get more items, call again with"
                    + " its next_cursor in arguments.",
                annotations: hints(readOnly: true, openWorld: true)),
        ]
        if !readOnly {
            tools.append(
                caller(
                    callWrite, title: "Call a write tool",
                    description:
                        "Run a tool that changes data (kind create, update, delete or action) by exact name with its"
                        + " arguments as describe_tools gave them, only when the user asked for that change. The"
                        + " result is that tool's own.",
                    annotations: hints(readOnly: false, openWorld: true)))
        }
        return tools
    }

    /// Whether `name` is one of the meta-tools.
    package static func isMetaTool(_ name: String) -> Bool {
        name == search || name == describe || name == callRead || name == callWrite
    }

    private static func caller(
        _ name: String, title: String, description: String, annotations: JSONValue
    ) -> ToolDescriptor {
        ToolDescriptor(
            name: name, title: title, description: description,
            inputSchema: [
                "type": "object",
                "properties": [
                    "name": ["type": "string", "minLength": 1, "maxLength": 64, "description": "The exact tool name."],
                    "arguments": ["type": "object", "description": "The tool's arguments."],
                ],
                "required": ["name"], "additionalProperties": false,
            ],
            annotations: annotations)
    }

    /// `{"tools": [item]}`, the shape of both search and describe results.
    private static func listSchema(item: JSONObject?) -> JSONValue {
        var items: JSONObject = ["type": "object"]
        if let item { items["properties"] = .object(item) }
        return [
            "type": "object", "properties": ["tools": ["type": "array", "items": .object(items)]],
            "required": ["tools"],
        ]
    }

    private static func hints(readOnly: Bool, openWorld: Bool) -> JSONValue {
        [
            "readOnlyHint": .bool(readOnly), "destructiveHint": .bool(!readOnly), "idempotentHint": .bool(readOnly),
            "openWorldHint": .bool(openWorld),
        ]
    }
}
