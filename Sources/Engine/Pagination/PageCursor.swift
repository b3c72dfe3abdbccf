import JSON

/// The opaque `next_cursor` handed to the model: versioned, bound to one tool and to that tool's
/// definition, carrying the original arguments and the position inside a vendor page, and
/// authenticated with the installation's key.
///
/// Wire form: a ``TokenSealer`` token (purpose `list-cursor`) over the payload JSON
/// `{"t": tool, "d": definition fingerprint (hex), "a": arguments, "p": position, "f"?: fields}`.
/// Nobody without the key can mint one, so the position (a vendor next-page URL among others)
/// and the arguments inside a cursor are only ever ones Switchyard itself produced. Decoding is
/// strict: a changed, missing or extra character, another tool's cursor, a cursor made before
/// the tool's file changed, or one made under another key is refused.
package struct PageCursor: Sendable, Equatable {
    /// The sealing purpose, which keeps list cursors apart from every other sealed token.
    package static let purpose = "list-cursor"

    /// The tool the cursor belongs to.
    package var tool: String
    /// The fingerprint of the tool's definition when the cursor was made (``Tool/fingerprint``).
    package var fingerprint: String
    /// The call's original arguments (without `limit`, `next_cursor`, `fields`).
    package var arguments: JSONObject
    /// Where to resume.
    package var position: PagePosition
    /// The `fields` of the original call, reused when the next call gives none.
    package var fields: [String]?

    /// Creates a cursor.
    package init(
        tool: String, fingerprint: String, arguments: JSONObject, position: PagePosition, fields: [String]? = nil
    ) {
        self.tool = tool
        self.fingerprint = fingerprint
        self.arguments = arguments
        self.position = position
        self.fields = fields
    }

    /// The opaque token, sealed with `sealer`.
    package func encoded(with sealer: TokenSealer) -> String {
        var payload: JSONObject = [
            "t": .string(tool), "d": .string(fingerprint), "a": .object(arguments), "p": position.json,
        ]
        if let fields { payload["f"] = .array(fields.map { .string($0) }) }
        return sealer.seal(Array(JSONValue.object(payload).encodedData()), purpose: Self.purpose)
    }

    /// Opens and checks a token for the tool named `expected` whose definition has `fingerprint`;
    /// throws `invalid_cursor` describing what is wrong.
    package static func decode(
        _ token: String, tool expected: String, fingerprint: String, with sealer: TokenSealer
    ) throws(EngineError) -> PageCursor {
        let refusal = EngineError(
            .invalidCursor,
            "next_cursor is not valid: pass back exactly the next_cursor string from the previous result, or leave it out to start over"
        )
        guard let body = sealer.open(token, purpose: purpose), let payload = try? JSONParser.parse(body),
            let tool = payload["t"]?.stringValue, let made = payload["d"]?.stringValue,
            let arguments = payload["a"]?.objectValue, let positionJSON = payload["p"],
            let position = PagePosition(json: positionJSON)
        else { throw refusal }
        guard tool == expected else {
            throw EngineError(
                .invalidCursor,
                "next_cursor belongs to the tool \(tool), not \(expected); pass it to \(tool) or start over without it")
        }
        guard made == fingerprint else {
            throw EngineError(
                .invalidCursor,
                "next_cursor was made before \(tool)'s definition changed; start over without next_cursor")
        }
        var fields: [String]?
        if let list = payload["f"] {
            guard let elements = list.arrayValue else { throw refusal }
            fields = elements.compactMap(\.stringValue)
            guard fields?.count == elements.count else { throw refusal }
        }
        return PageCursor(tool: tool, fingerprint: made, arguments: arguments, position: position, fields: fields)
    }
}
