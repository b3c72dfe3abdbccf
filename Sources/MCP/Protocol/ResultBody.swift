import JSON

/// A response's `result` object on its way to the wire, with at most one top-level member whose
/// value is already JSON text and is written verbatim.
///
/// A tool call's `structuredContent` is the very JSON its text block holds; splicing that text
/// instead of encoding the value again halves the encoding work of a large result (a 10,000-item
/// list is over a megabyte).
struct ResultBody: Sendable {
    /// The result's members; the spliced member is present with a placeholder value.
    var object: JSONObject
    /// The member written verbatim instead of its value in ``object``, and its compact JSON text.
    var spliced: (key: String, json: String)?

    /// A result with no spliced member.
    init(_ object: JSONObject) {
        self.object = object
    }

    /// A result whose member `key` is written as `json`, which must be valid compact JSON.
    init(_ object: JSONObject, splicing key: String, json: String) {
        self.object = object
        self.object[key] = .null
        spliced = (key, json)
    }

    /// Writes the result object.
    func write(into writer: inout JSONWriter) {
        guard let spliced else {
            writer.write(.object(object))
            return
        }
        writer.writeRaw("{".utf8)
        for (offset, member) in object.members.enumerated() {
            if offset > 0 { writer.writeRaw(",".utf8) }
            writer.writeString(member.key)
            writer.writeRaw(":".utf8)
            if member.key == spliced.key {
                writer.writeRaw(spliced.json.utf8)
            } else {
                writer.write(member.value)
            }
        }
        writer.writeRaw("}".utf8)
    }
}
