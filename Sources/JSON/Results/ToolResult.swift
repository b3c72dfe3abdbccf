/// What one tool call returns, from the engine that produces it to the line that carries it: the
/// text block shown to the model, the structured content, and whether the call failed.
///
/// A successful JSON result's text *is* its structured content's compact JSON. A result built with
/// ``init(encoding:isError:)`` or ``init(text:encodedFrom:isError:)`` remembers that, and
/// ``writeStructuredContent(into:)`` then writes the text's bytes instead of encoding the value a
/// second time (a 10,000-item list is over a megabyte). That shortcut is this type's own detail:
/// both paths write the same bytes, and nothing outside can set it apart from the value.
package struct ToolResult: Sendable, Equatable {
    /// The text content block (compact JSON, or a short message).
    package let text: String
    /// The structured result, if any.
    package let structuredContent: JSONValue?
    /// Whether the call failed (arguments, upstream, policy); the model reads the text and corrects.
    package var isError: Bool
    /// Whether ``text`` is exactly the compact JSON of ``structuredContent``.
    let textIsStructured: Bool

    /// A result whose text and structured content are unrelated (or the latter is absent).
    package init(text: String, structuredContent: JSONValue? = nil, isError: Bool = false) {
        self.text = text
        self.structuredContent = structuredContent
        self.isError = isError
        textIsStructured = false
    }

    /// A result whose text is `structured`'s compact JSON, encoded here once.
    package init(encoding structured: JSONValue, isError: Bool = false) {
        self.init(text: structured.encoded(), encodedFrom: structured, isError: isError)
    }

    /// A result whose `text` the caller built as the compact JSON of `structured` (for instance
    /// from bytes encoded item by item); it must be exactly what encoding `structured` gives.
    package init(text: String, encodedFrom structured: JSONValue, isError: Bool = false) {
        self.text = text
        self.structuredContent = structured
        self.isError = isError
        textIsStructured = true
    }

    /// Writes ``structuredContent`` (`null` when absent): the text's bytes when they are its
    /// encoding, else the value encoded.
    package func writeStructuredContent(into writer: inout JSONWriter) {
        guard let structuredContent else {
            writer.write(.null)
            return
        }
        if textIsStructured {
            writer.writeRaw(text.utf8)
        } else {
            writer.write(structuredContent)
        }
    }

    /// The size of ``structuredContent``'s encoding when it is already known (the text's), else 0:
    /// a hint for reserving buffer space.
    package var knownStructuredSize: Int {
        textIsStructured ? text.utf8.count : 0
    }
}
