import Catalog
import JSON
import MCP

/// `switchyard tools`: each exposed tool with kind, tags and the tokens its definition costs.
enum ToolsCommand {
    static func run(_ options: Options, environment: [String: String]) -> Int32 {
        let assembly = Assembly(options: options, environment: environment)
        let catalog = assembly.loadCatalog()
        if let query = options.search {
            return search(query, limit: options.limit ?? 10, in: catalog, json: options.json)
        }
        var rows: [JSONValue] = []
        var total = 0
        for tool in catalog.tools {
            let tokens = estimate(tool)
            total += tokens
            rows.append([
                "name": .string(tool.name), "integration": .string(tool.integration),
                "kind": .string(tool.kind.rawValue),
                "tags": .array(tool.tags.map { .string($0) }), "tokens": .int(Int64(tokens)),
            ])
        }
        let accounts = accountNames(in: catalog)
        if options.json {
            var object: JSONObject = ["tools": .array(rows), "total_tokens": .int(Int64(total))]
            if !accounts.isEmpty {
                object["accounts"] = .object(
                    JSONObject(accounts.map { .init(key: $0.integration, value: .array($0.names.map { .string($0) })) })
                )
            }
            StandardOutput.write(JSONValue.object(object).encoded())
            return 0
        }
        let nameWidth = max(4, catalog.tools.map(\.name.count).max() ?? 0)
        StandardOutput.write(pad("TOOL", nameWidth) + "  " + pad("KIND", 6) + "  " + pad("TOKENS", 6) + "  TAGS")
        for tool in catalog.tools {
            StandardOutput.write(
                pad(tool.name, nameWidth) + "  " + pad(tool.kind.rawValue, 6) + "  "
                    + pad(String(estimate(tool)), 6, right: true) + "  " + tool.tags.joined(separator: ","))
        }
        let average = catalog.tools.isEmpty ? 0 : total / catalog.tools.count
        StandardOutput.write("\(catalog.tools.count) tools, \(total) tokens in all (about \(average) per tool)")
        for entry in accounts {
            StandardOutput.write("accounts of \(entry.integration): \(entry.names.joined(separator: ", "))")
        }
        return 0
    }

    /// The integrations with named accounts (`VAR__ACCOUNT` variables) and their account names, by name.
    static func accountNames(in catalog: Catalog) -> [(integration: String, names: [String])] {
        catalog.accounts.values.filter { $0.members.contains { $0.account != nil } }
            .compactMap { set in set.members.first.map { ($0.name, set.names) } }
            .sorted { $0.integration < $1.integration }
    }

    /// `tools --search`: the `search_tools` ranking of the exposed tools, best first.
    static func search(_ query: String, limit: Int, in catalog: Catalog, json: Bool) -> Int32 {
        let hits = ToolSearchIndex(catalog: catalog, cost: estimate).search(query, limit: limit)
        if json {
            let rows: [JSONValue] = hits.map { hit in
                [
                    "name": .string(hit.name), "integration": .string(hit.integration),
                    "kind": .string(hit.kind.rawValue), "summary": .string(hit.summary),
                    "tokens": .int(Int64(hit.tokens)),
                ]
            }
            StandardOutput.write(JSONValue.object(["tools": .array(rows)]).encoded())
            return 0
        }
        let nameWidth = max(4, hits.map(\.name.count).max() ?? 0)
        StandardOutput.write("RANK  " + pad("TOOL", nameWidth) + "  " + pad("KIND", 6) + "  TOKENS  SUMMARY")
        for (rank, hit) in hits.enumerated() {
            StandardOutput.write(
                pad(String(rank + 1), 4, right: true) + "  " + pad(hit.name, nameWidth) + "  "
                    + pad(hit.kind.rawValue, 6) + "  " + pad(String(hit.tokens), 6, right: true) + "  " + hit.summary)
        }
        if hits.isEmpty { StandardOutput.write("no tool matches '\(query)'") }
        return 0
    }

    /// Tokens a tool's definition costs in a prompt: bytes of its JSON (as `tools/list` sends it) / 4.
    static func estimate(_ tool: Tool) -> Int {
        let definition = ToolRenderer.tool(CatalogToolHost.descriptor(for: tool), for: .newestLegacy)
        return (definition.encoded().utf8.count + 3) / 4
    }

    private static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return right ? padding + text : text + padding
    }
}
