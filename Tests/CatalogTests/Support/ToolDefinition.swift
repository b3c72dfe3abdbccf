import Catalog
import JSON

/// A tool as a client sees it in `tools/list`, and a stable pretty printer for golden files.
enum ToolDefinition {
    /// The definition sent to the model: name, title, description, inputSchema, outputSchema, annotations.
    static func json(_ tool: Tool) -> JSONValue {
        var object: JSONObject = ["name": .string(tool.name)]
        if let title = tool.title { object["title"] = .string(title) }
        object["description"] = .string(tool.description)
        object["inputSchema"] = tool.inputSchema
        if let outputSchema = tool.outputSchema { object["outputSchema"] = outputSchema }
        object["annotations"] = tool.annotations
        return .object(object)
    }

    /// The prompt cost estimate of DESIGN.md §7: bytes of the compact JSON definition divided by 4.
    static func tokens(_ tool: Tool) -> Double {
        Double(json(tool).encoded().utf8.count) / 4
    }

    /// Pretty JSON with two-space indentation, members in their own order; a value stays on one
    /// line when it fits in 120 columns.
    static func pretty(_ value: JSONValue) -> String {
        var output = ""
        write(value, indent: 0, column: 0, into: &output)
        return output + "\n"
    }

    private static func write(_ value: JSONValue, indent: Int, column: Int, into output: inout String) {
        let compact = spaced(value)
        if !isContainer(value) || column + compact.count < 120 {
            output += compact
            return
        }
        let inner = String(repeating: " ", count: indent + 2)
        switch value {
        case .array(let elements):
            output += "[\n"
            for (index, element) in elements.enumerated() {
                output += inner
                write(element, indent: indent + 2, column: inner.count, into: &output)
                output += index == elements.count - 1 ? "\n" : ",\n"
            }
            output += String(repeating: " ", count: indent) + "]"
        case .object(let object):
            output += "{\n"
            for (index, member) in object.enumerated() {
                let key = inner + JSONValue.string(member.key).encoded() + ": "
                output += key
                write(member.value, indent: indent + 2, column: key.count, into: &output)
                output += index == object.count - 1 ? "\n" : ",\n"
            }
            output += String(repeating: " ", count: indent) + "}"
        default:
            output += compact
        }
    }

    /// One-line JSON with a space after each `,` and `:`.
    private static func spaced(_ value: JSONValue) -> String {
        switch value {
        case .array(let elements):
            return "[" + elements.map(spaced).joined(separator: ", ") + "]"
        case .object(let object):
            return "{"
                + object.map { JSONValue.string($0.key).encoded() + ": " + spaced($0.value) }.joined(separator: ", ")
                + "}"
        default:
            return value.encoded()
        }
    }

    private static func isContainer(_ value: JSONValue) -> Bool {
        switch value {
        case .array(let elements): return !elements.isEmpty
        case .object(let object): return !object.isEmpty
        default: return false
        }
    }

}
