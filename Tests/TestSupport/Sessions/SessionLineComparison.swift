import JSON

/// How a replayed server line is compared with the recorded one: exactly, after removing the
/// only field that legitimately varies between builds — the server's version in `serverInfo`
/// (legacy `initialize`) and in `_meta["io.modelcontextprotocol/serverInfo"]` (modern results).
package enum SessionLineComparison {
    /// The line in the form compared: its JSON re-encoded without the server version, or the
    /// text itself when it is not JSON.
    package static func normalized(_ text: String) -> String {
        guard let value = try? JSONParser.parse(text) else { return text }
        return normalized(value).encoded()
    }

    /// The message without the server version.
    package static func normalized(_ message: JSONValue) -> JSONValue {
        guard case .object(var object) = message, case .object(var result)? = object["result"] else { return message }
        if case .object(var info)? = result["serverInfo"] {
            _ = info.removeValue(forKey: "version")
            result["serverInfo"] = .object(info)
        }
        if case .object(var meta)? = result["_meta"], case .object(var info)? = meta[serverInfoKey] {
            _ = info.removeValue(forKey: "version")
            meta[serverInfoKey] = .object(info)
            result["_meta"] = .object(meta)
        }
        object["result"] = .object(result)
        return .object(object)
    }

    /// The modern era's `_meta` key for the server's identity.
    package static let serverInfoKey = "io.modelcontextprotocol/serverInfo"

    /// The transcript line in the form compared.
    package static func normalized(_ line: TranscriptLine) -> String {
        line.message.map { normalized($0).encoded() } ?? line.raw ?? ""
    }
}
