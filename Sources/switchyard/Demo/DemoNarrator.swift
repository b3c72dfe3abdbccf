import Catalog
import FoundationEssentials
import JSON

/// Turns each step of the replayed session into a few readable lines: what the client asked,
/// what went over HTTP, and what the model gets back.
struct DemoNarrator: Sendable {
    /// The catalogue served (for token estimates of tool definitions).
    let catalog: Catalog
    /// The tools the session calls, in order of first use (shown as examples in the tool list).
    let featuredTools: [String]

    /// The numbered paragraph of one request step (empty when no response arrived), ending with a blank line.
    func describe(
        step number: Int, request: JSONValue, responses: [JSONValue], exchanges: [ObservedTransport.Exchange]
    ) -> [String] {
        guard let response = responses.last else { return [] }
        let method = request["method"]?.stringValue ?? ""
        var lines: [String]
        switch method {
        case "initialize":
            let result = response["result"]
            let name = result?["serverInfo"]?["name"]?.stringValue ?? "switchyard"
            let version = result?["serverInfo"]?["version"]?.stringValue ?? ""
            let revision = result?["protocolVersion"]?.stringValue ?? "?"
            let capabilities = result?["capabilities"]?.objectValue?.keys.joined(separator: ", ") ?? ""
            lines = [
                "\(number). The client connects (initialize)",
                "   → \(name) \(version) agrees on MCP revision \(revision); capabilities: \(capabilities)",
            ]
        case "tools/list":
            lines = ["\(number). The client asks which tools exist (tools/list)"] + toolList(response)
        case "tools/call":
            lines = call(number: number, request: request, responses: responses, exchanges: exchanges)
        default:
            lines = ["\(number). \(method)", "   → " + Self.clip(response.encoded(), 200)]
        }
        return lines + [""]
    }

    private func toolList(_ response: JSONValue) -> [String] {
        let names = response["result"]?["tools"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
        let tools = names.compactMap { catalog.tool(named: $0) }
        let total = tools.map(ToolsCommand.estimate).reduce(0, +)
        let integrations = Set(tools.map(\.integration)).sorted().joined(separator: ", ")
        var lines = [
            "   → \(names.count) tools generated from \(integrations).json, about \(total) tokens of definitions in all;",
            "     the ones this walk-through uses:",
        ]
        let featured = featuredTools.compactMap { catalog.tool(named: $0) }
        let width = featured.map(\.name.count).max() ?? 0
        for tool in featured {
            let padding = String(repeating: " ", count: width - tool.name.count)
            lines.append(
                "       \(tool.name)\(padding)  \(Self.padded(tool.kind.rawValue, to: 6))"
                    + "  ~\(ToolsCommand.estimate(tool)) tokens")
        }
        return lines
    }

    private func call(
        number: Int, request: JSONValue, responses: [JSONValue], exchanges: [ObservedTransport.Exchange]
    ) -> [String] {
        let name = request["params"]?["name"]?.stringValue ?? "?"
        let arguments = request["params"]?["arguments"] ?? [:]
        let result = responses.last?["result"]
        let isError = result?["isError"] == true
        let caption: String
        if arguments["next_cursor"] != nil {
            caption = "The model passes next_cursor back for the next page"
        } else if exchanges.contains(where: { $0.status == 429 }), !isError {
            caption = "A rate limit (HTTP 429) absorbed by a retry"
        } else if isError, exchanges.isEmpty {
            caption = "A mistake caught before any request is sent"
        } else if isError {
            caption = "A vendor error the model can act on"
        } else if catalog.tool(named: name)?.kind == .list {
            caption = "A list call returns one page of items and an opaque cursor"
        } else {
            caption = "A call"
        }
        var lines = ["\(number). \(caption)", "   call     \(name) \(Self.abbreviated(arguments).encoded())"]
        if exchanges.isEmpty { lines.append("   HTTP     (none: the arguments were checked first)") }
        for exchange in exchanges {
            var text =
                "   HTTP     \(exchange.method) \(exchange.url) → \(exchange.status.map(String.init) ?? "no response")"
            if let retryAfter = exchange.retryAfter {
                text += " (Retry-After: \(retryAfter)); Switchyard waits \(retryAfter) s and tries again"
            }
            lines.append(text)
        }
        for notification in responses.dropLast() where notification["method"] == "notifications/progress" {
            let params = notification["params"]
            lines.append(
                "   progress \(params?["progress"]?.plainText ?? "?") of \(params?["total"]?.plainText ?? "?") items")
        }
        guard let result else { return lines + ["   → " + Self.clip(responses.last?.encoded() ?? "", 300)] }
        return lines + outcome(result, isError: isError)
    }

    private func outcome(_ result: JSONValue, isError: Bool) -> [String] {
        let text = result["content"]?[0]?["text"]?.stringValue ?? ""
        let structured = result["structuredContent"] ?? (try? JSONParser.parse(text))
        if isError {
            var lines = ["   result   isError: true — \(Self.clip(text, 160))"]
            if let error = structured?["error"] {
                lines.append("   the model reads {\"error\": \(Self.clip(error.encoded(), 400))}")
            }
            return lines
        }
        guard let structured else { return ["   result   " + Self.clip(text, 200)] }
        guard let items = structured["items"]?.arrayValue else {
            return ["   result   " + Self.summary(of: structured)]
        }
        var lines = ["   result   \(items.count) items, has_more: \(structured["has_more"]?.plainText ?? "false")"]
        for item in items.prefix(6) { lines.append("              " + Self.title(of: item)) }
        if items.count > 6 { lines.append("              … and \(items.count - 6) more") }
        if let cursor = structured["next_cursor"]?.stringValue {
            lines.append(
                "   next_cursor \(Self.shortened(cursor)) (\(cursor.count) characters, opaque: bound to this tool, "
                    + "checked when it comes back)")
        }
        return lines
    }

    /// An item as one line: `#number title [labels]`, else its name or id.
    static func title(of item: JSONValue) -> String {
        let label = item["title"] ?? item["name"] ?? item["full_name"] ?? item["id"]
        var line = label.map { clip($0.plainText, 90) } ?? clip(item.encoded(), 90)
        if let number = item["number"] { line = "#\(number.plainText)  " + line }
        let labels = item["labels"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
        if !labels.isEmpty { line += "  [" + labels.joined(separator: ", ") + "]" }
        return line
    }

    /// An object as one line of its telling fields.
    static func summary(of object: JSONValue) -> String {
        let preferred = ["full_name", "name", "title", "description", "stargazers_count", "default_branch", "state"]
        let fields = preferred.compactMap { key in object[key].map { "\(key): \(clip($0.plainText, 60))" } }
        guard !fields.isEmpty else { return clip(object.encoded(), 200) }
        return fields.prefix(5).joined(separator: ", ")
    }

    /// The arguments with a long `next_cursor` shortened for display.
    static func abbreviated(_ arguments: JSONValue) -> JSONValue {
        guard case .object(var object) = arguments, let cursor = object["next_cursor"]?.stringValue,
            cursor.count > 20
        else { return arguments }
        object["next_cursor"] = .string(shortened(cursor))
        return .object(object)
    }

    /// A cursor as its head and tail, enough to tell two apart.
    static func shortened(_ cursor: String) -> String {
        cursor.count > 20 ? cursor.prefix(10) + "…" + cursor.suffix(6) : cursor
    }

    /// The text cut or padded with spaces to exactly `length` characters (left-aligned in a column).
    static func padded(_ text: String, to length: Int) -> String {
        String(text.prefix(length)) + String(repeating: " ", count: max(0, length - text.count))
    }

    /// The text cut to `length` characters, with an ellipsis when it was longer.
    static func clip(_ text: String, _ length: Int) -> String {
        text.count <= length ? text : text.prefix(length - 1) + "…"
    }
}
