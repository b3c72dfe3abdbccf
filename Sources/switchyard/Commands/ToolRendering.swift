import JSON
import MCP

/// Temporary rendering until the MCP session's renderer lands.
enum ToolRendering {
    enum Revision { case latest }

    static func definition(_ tool: ToolDescriptor, revision: Revision) -> JSONValue {
        var object: JSONObject = ["name": .string(tool.name)]
        if let title = tool.title { object["title"] = .string(title) }
        object["description"] = .string(tool.description)
        object["inputSchema"] = tool.inputSchema
        if let output = tool.outputSchema { object["outputSchema"] = output }
        if let annotations = tool.annotations { object["annotations"] = annotations }
        return .object(object)
    }

    static func result(_ result: ToolCallResult, revision: Revision) -> JSONValue {
        var object: JSONObject = ["content": [["type": "text", "text": .string(result.text)]]]
        if let structured = result.structuredContent { object["structuredContent"] = structured }
        object["isError"] = .bool(result.isError)
        return .object(object)
    }
}
