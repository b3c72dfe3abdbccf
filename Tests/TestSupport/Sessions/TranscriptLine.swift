import JSON

/// One line of a `--transcript` file: a JSON-RPC line the server read (`in`) or wrote (`out`),
/// as `{"direction", "message": <json>}` or, for a line that is not JSON, `{"direction", "raw": "…"}`.
package struct TranscriptLine: Sendable, Equatable {
    /// Which way the line went.
    package enum Direction: String, Sendable {
        /// Read by the server (the client's line).
        case incoming = "in"
        /// Written by the server.
        case outgoing = "out"
    }

    /// Which way the line went.
    package var direction: Direction
    /// The line's JSON, or `nil` for a raw line.
    package var message: JSONValue?
    /// The line's text when it was not JSON.
    package var raw: String?

    /// Reads one transcript line; throws when it is not a transcript entry.
    package init(parsing line: String) throws {
        let value = try JSONParser.parse(line)
        guard let text = value["direction"]?.stringValue, let direction = Direction(rawValue: text) else {
            throw SessionFixtureError("not a transcript line (no direction): \(line.prefix(200))")
        }
        self.direction = direction
        message = value["message"]
        raw = value["raw"]?.stringValue
        guard message != nil || raw != nil else {
            throw SessionFixtureError("transcript line has neither message nor raw: \(line.prefix(200))")
        }
    }

    /// The line as it travels on stdin/stdout: the message compactly encoded, or the raw text.
    package var wireText: String {
        message?.encoded() ?? raw ?? ""
    }

    /// The JSON-RPC id of the message, when it has one (requests and responses).
    package var id: JSONValue? {
        message?["id"]
    }
}
