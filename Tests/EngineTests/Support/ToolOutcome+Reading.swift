import Engine
import JSON
import Testing

/// Readings of a tool outcome as the model would see it.
extension ToolOutcome {
    /// The error type's wire name, or `nil` for a success.
    var errorType: ErrorType? { error?.type }

    /// The structured `{"error": {…}}` member, or `nil`.
    var errorObject: JSONObject? { structured?["error"]?.objectValue }

    /// The list result parsed from the text the model reads; requires it to equal `structuredContent`
    /// when that is present.
    func listBody(sourceLocation: SourceLocation = #_sourceLocation) throws -> JSONObject {
        let parsed = try JSONParser.parse(text)
        if let structured {
            #expect(parsed == structured, "text and structuredContent differ", sourceLocation: sourceLocation)
        }
        return try #require(parsed.objectValue, "not an object: \(text)", sourceLocation: sourceLocation)
    }

    /// The items of a list result.
    func items(sourceLocation: SourceLocation = #_sourceLocation) throws -> [JSONValue] {
        try #require(try listBody(sourceLocation: sourceLocation)["items"]?.arrayValue, sourceLocation: sourceLocation)
    }

    /// The `number` member of each item of a list result (the fixtures number items from 1).
    func numbers(sourceLocation: SourceLocation = #_sourceLocation) throws -> [Int] {
        try items(sourceLocation: sourceLocation).map { Int($0["number"]?.intValue ?? -1) }
    }

    /// The `next_cursor` of a list result, or `nil`.
    var nextCursor: String? { (try? JSONParser.parse(text))?["next_cursor"]?.stringValue }

    /// The `has_more` of a list result, or `nil`.
    var hasMore: Bool? { (try? JSONParser.parse(text))?["has_more"]?.boolValue }
}
