import JSON

/// Writes a JSON value as text a person can edit: two-space indentation, members in the order
/// they were built, and any object or array that fits on one line (within ``width``) kept on one
/// line the way the shipped integration files write them — `{ "in": "path", "type": "string" }`.
///
/// The output depends on nothing but the value, so golden files stay stable.
enum DraftRenderer {
    /// The widest line the renderer aims for.
    static let width = 120

    /// The value as text, ending with a newline.
    static func render(_ value: JSONValue) -> String {
        var output = ""
        write(value, indent: 0, into: &output, used: 0)
        return output + "\n"
    }

    /// Writes `value`; `used` is how many characters of the current line are already taken.
    private static func write(_ value: JSONValue, indent: Int, into output: inout String, used: Int) {
        let inline = self.inline(value)
        if used + inline.count <= width || !isContainer(value) {
            output += inline
            return
        }
        let padding = String(repeating: " ", count: indent + 2)
        switch value {
        case .object(let object):
            output += "{\n"
            for (index, member) in object.members.enumerated() {
                let key = JSONValue.string(member.key).encoded() + ": "
                output += padding + key
                write(member.value, indent: indent + 2, into: &output, used: padding.count + key.count + 1)
                output += index == object.count - 1 ? "\n" : ",\n"
            }
            output += String(repeating: " ", count: indent) + "}"
        case .array(let elements):
            output += "[\n"
            for (index, element) in elements.enumerated() {
                output += padding
                write(element, indent: indent + 2, into: &output, used: padding.count + 1)
                output += index == elements.count - 1 ? "\n" : ",\n"
            }
            output += String(repeating: " ", count: indent) + "]"
        default:
            output += inline
        }
    }

    /// The value on one line: `{ "a": 1, "b": [1, 2] }`, `{}` and `[]` when empty.
    static func inline(_ value: JSONValue) -> String {
        switch value {
        case .object(let object):
            guard !object.isEmpty else { return "{}" }
            let members = object.members.map { JSONValue.string($0.key).encoded() + ": " + inline($0.value) }
            return "{ " + members.joined(separator: ", ") + " }"
        case .array(let elements):
            return "[" + elements.map(inline).joined(separator: ", ") + "]"
        default:
            return value.encoded()
        }
    }

    private static func isContainer(_ value: JSONValue) -> Bool {
        switch value {
        case .object(let object): return !object.isEmpty
        case .array(let elements): return !elements.isEmpty
        default: return false
        }
    }
}
