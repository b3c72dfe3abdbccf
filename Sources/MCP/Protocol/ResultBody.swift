import JSON

/// A response's `result` object on its way to the wire; a `tools/call` result's
/// `structuredContent` is written by its ``ToolResult`` (which may already hold its bytes).
struct ResultBody: Sendable {
    /// The member a tool result writes itself.
    static let structuredKey = "structuredContent"

    /// The result's members; `structuredContent`, when a tool result writes it, holds a placeholder.
    var object: JSONObject
    /// The tool result that writes the `structuredContent` member, when there is one.
    private(set) var toolResult: ToolResult?

    /// A result written as its members' values.
    init(_ object: JSONObject) {
        self.object = object
    }

    /// A `tools/call` result whose `structuredContent` member (present in `object`) is written by `result`.
    init(_ object: JSONObject, structuredContentOf result: ToolResult) {
        self.object = object
        self.object[Self.structuredKey] = .null
        toolResult = result
    }

    /// Writes the result object.
    func write(into writer: inout JSONWriter) {
        guard let toolResult else {
            writer.write(.object(object))
            return
        }
        writer.writeRaw("{".utf8)
        for (offset, member) in object.members.enumerated() {
            if offset > 0 { writer.writeRaw(",".utf8) }
            writer.writeString(member.key)
            writer.writeRaw(":".utf8)
            if member.key == Self.structuredKey {
                toolResult.writeStructuredContent(into: &writer)
            } else {
                writer.write(member.value)
            }
        }
        writer.writeRaw("}".utf8)
    }
}
