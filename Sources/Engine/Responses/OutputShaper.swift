import JSON

/// Fits results into the model's context: removes `omit` pointers, keeps only requested `fields`,
/// and cuts what would exceed the byte budget (DESIGN.md §5 *Output sizing*).
public struct OutputShaper: Sendable {
    /// The budget of one result's text, in bytes.
    public var maxOutputBytes: Int

    /// Creates a shaper.
    public init(maxOutputBytes: Int) {
        self.maxOutputBytes = maxOutputBytes
    }

    /// Removes every `omit` pointer from a value.
    public static func omitting(_ pointers: [JSONPointer], from value: JSONValue) -> JSONValue {
        guard !pointers.isEmpty else { return value }
        var copy = value
        for pointer in pointers { copy.removeValue(at: pointer) }
        return copy
    }

    /// Keeps only the named top-level fields of an object item (non-objects are kept as they are).
    public static func keeping(_ fields: [String]?, of item: JSONValue) -> JSONValue {
        guard let fields, case .object(let object) = item else { return item }
        return .object(JSONObject(object.members.filter { fields.contains($0.key) }))
    }

    /// The outcome for a non-list body: compact JSON text and structured content, or — over the
    /// budget — the text cut at the budget with a marker and no structured content.
    public func single(_ body: JSONValue, attempts: Int, status: Int?) -> ToolOutcome {
        let value = body == .null ? JSONValue.object(["ok": true, "status": .int(Int64(status ?? 200))]) : body
        let text = value.encoded()
        guard text.utf8.count > maxOutputBytes else {
            let structured: JSONValue = value.objectValue != nil ? value : ["data": value]
            return .success(text: text, structured: structured, attempts: attempts, status: status)
        }
        return .success(text: cut(text, hint: nil), structured: nil, attempts: attempts, status: status)
    }

    /// The text cut to the budget, followed by a marker saying how to get less or more.
    public func cut(_ text: String, hint: String?) -> String {
        let marker =
            "\n[truncated by Switchyard: the result is \(text.utf8.count) bytes, over the budget of \(maxOutputBytes). "
            + (hint ?? "Ask for less (filters, fields) to see it whole.") + "]"
        let room = max(0, maxOutputBytes - marker.utf8.count)
        return ResponseInterpreter.cut(text, to: room) + marker
    }
}
