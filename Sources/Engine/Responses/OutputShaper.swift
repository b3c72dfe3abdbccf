import FoundationEssentials
import JSON

/// Fits results into the model's context: removes `omit` pointers, keeps only requested `fields`,
/// and cuts what would exceed the byte budget (DESIGN.md §5 *Output sizing*).
package struct OutputShaper: Sendable {
    /// The budget of one result's text, in bytes.
    package var maxOutputBytes: Int

    /// Creates a shaper.
    package init(maxOutputBytes: Int) {
        self.maxOutputBytes = maxOutputBytes
    }

    /// Removes every `omit` pointer from a value.
    package static func omitting(_ pointers: [JSONPointer], from value: JSONValue) -> JSONValue {
        guard !pointers.isEmpty else { return value }
        var copy = value
        for pointer in pointers { copy.removeValue(at: pointer) }
        return copy
    }

    /// Keeps only the named top-level fields of an object item (non-objects are kept as they are).
    package static func keeping(_ fields: [String]?, of item: JSONValue) -> JSONValue {
        guard let fields, case .object(let object) = item else { return item }
        return .object(JSONObject(object.members.filter { fields.contains($0.key) }))
    }

    /// The outcome for a non-list body: compact JSON text and structured content, or — over the
    /// budget — the text cut at the budget with a marker and no structured content.
    package func single(_ body: JSONValue, attempts: Int, status: Int?) -> ToolOutcome {
        let value = body == .null ? JSONValue.object(["ok": true, "status": .int(Int64(status ?? 200))]) : body
        let text = value.encoded()
        guard text.utf8.count > maxOutputBytes else {
            guard value.objectValue != nil else {
                return .success(text: text, structured: ["data": value], attempts: attempts, status: status)
            }
            return .success(text: text, encodedFrom: value, attempts: attempts, status: status)
        }
        return .success(text: cut(text, hint: nil), structured: nil, attempts: attempts, status: status)
    }

    /// The outcome ``single(_:attempts:status:)`` gives for a vendor body whose compact JSON cannot
    /// fit the budget, found in one pass over the bytes without building the value (a large body
    /// would otherwise take several times its size in memory); `nil` when the body fits or needs
    /// the ordinary path (not JSON, or an object repeats a key).
    ///
    /// Only for bodies the operation keeps whole: no `omit` pointers, no `failure_when` rule.
    package func oversized(_ body: Data, attempts: Int, status: Int?) -> ToolOutcome? {
        guard body.count > maxOutputBytes,
            let compact = JSONParser.compactEncoding(of: body, keepingAtMost: maxOutputBytes),
            compact.totalCount > maxOutputBytes
        else { return nil }
        let start = String(decoding: compact.prefix, as: UTF8.self)
        return .success(
            text: cut(start, totalBytes: compact.totalCount, hint: nil), structured: nil, attempts: attempts,
            status: status)
    }

    /// The text cut to the budget, followed by a marker saying how to get less or more.
    package func cut(_ text: String, hint: String?) -> String {
        cut(text, totalBytes: text.utf8.count, hint: hint)
    }

    /// ``cut(_:hint:)`` for a text of `totalBytes` bytes of which `start` holds at least the first
    /// `maxOutputBytes`.
    private func cut(_ start: String, totalBytes: Int, hint: String?) -> String {
        let marker =
            "\n[truncated by Switchyard: the result is \(totalBytes) bytes, over the budget of \(maxOutputBytes). "
            + (hint ?? "Ask for less (filters, fields) to see it whole.") + "]"
        let room = max(0, maxOutputBytes - marker.utf8.count)
        return ResponseInterpreter.cut(start, to: room) + marker
    }
}
