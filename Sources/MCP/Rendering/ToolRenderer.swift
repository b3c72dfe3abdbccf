import JSON

/// Renders the host's tool descriptors and call results for one protocol revision, leaving out
/// every field newer than that revision.
///
/// | field | from |
/// | --- | --- |
/// | tool `name`, `description`, `inputSchema`; result `content`, `isError` | 2024-11-05 |
/// | tool `annotations` | 2025-03-26 |
/// | tool `title`, `outputSchema`; result `structuredContent` | 2025-06-18 |
///
/// Up to 2025-11-25 `structuredContent` must be an object, so a non-object value is left out of
/// those revisions (the text block still carries it); 2026-07-28 allows any JSON value.
package enum ToolRenderer {
    /// One tool definition as `tools/list` sends it.
    package static func tool(_ tool: ToolDescriptor, for revision: ProtocolRevision) -> JSONValue {
        var object = JSONObject()
        object["name"] = .string(tool.name)
        if revision.hasTitlesAndStructuredContent, let title = tool.title { object["title"] = .string(title) }
        object["description"] = .string(tool.description)
        object["inputSchema"] = tool.inputSchema
        if revision.hasTitlesAndStructuredContent, let outputSchema = tool.outputSchema {
            object["outputSchema"] = outputSchema
        }
        if revision.hasToolAnnotations, let annotations = tool.annotations { object["annotations"] = annotations }
        return .object(object)
    }

    /// A `tools/call` result.
    package static func callResult(_ result: ToolResult, for revision: ProtocolRevision) -> JSONObject {
        var object = JSONObject()
        object["content"] = [["type": "text", "text": .string(result.text)]]
        if revision.hasTitlesAndStructuredContent, let structured = result.structuredContent,
            revision.allowsAnyStructuredContent || structured.objectValue != nil
        {
            object["structuredContent"] = structured
        }
        object["isError"] = .bool(result.isError)
        return object
    }

    /// A `tools/call` result for the wire: ``callResult(_:for:)`` with `structuredContent`
    /// written by the result itself (from its text's bytes when the text is that very JSON).
    static func callResultBody(_ result: ToolResult, for revision: ProtocolRevision) -> ResultBody {
        let object = callResult(result, for: revision)
        guard object[ResultBody.structuredKey] != nil else { return ResultBody(object) }
        return ResultBody(object, structuredContentOf: result)
    }
}
