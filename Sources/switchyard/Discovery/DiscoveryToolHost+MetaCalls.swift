import Catalog
import Engine
import JSON
import MCP

extension DiscoveryToolHost {
    /// The compiled input schemas of the meta-tools, by name.
    private static let validators: [String: JSONSchema] = {
        var validators: [String: JSONSchema] = [:]
        for descriptor in DiscoveryTools.descriptors(integrations: [], readOnly: false) {
            validators[descriptor.name] = try? JSONSchema(descriptor.inputSchema)
        }
        return validators
    }()

    /// `search_tools`: `{"tools": [{name, integration, kind, summary, tokens}]}`, best first.
    func search(_ arguments: JSONObject, index: ToolSearchIndex) -> ToolResult {
        if let failure = Self.violations(of: arguments, for: DiscoveryTools.search) { return failure }
        let query = arguments["query"]?.stringValue ?? ""
        let limit = arguments["limit"]?.intValue.map(Int.init) ?? DiscoveryTools.searchLimit.default
        let tags = arguments["tags"]?.arrayValue.map { Set($0.compactMap(\.stringValue)) }
        let hits = index.search(query, limit: limit, tags: tags)
        return Self.tools(hits.map(Self.json))
    }

    /// `describe_tools`: each named tool's definition for the request's revision; an unknown name
    /// is `invalid_arguments` naming the closest real ones.
    func describe(
        _ arguments: JSONObject, catalog: Catalog, index: ToolSearchIndex, context: ToolCallContext
    ) -> ToolResult {
        if let failure = Self.violations(of: arguments, for: DiscoveryTools.describe) { return failure }
        let revision = context.revision ?? .newestLegacy
        var definitions: [JSONValue] = []
        var unknown: [String] = []
        for name in (arguments["names"]?.arrayValue ?? []).compactMap(\.stringValue) {
            guard let tool = catalog.tool(named: name) else {
                unknown.append(Self.unknownTool(name, index: index))
                continue
            }
            definitions.append(ToolRenderer.tool(CatalogToolHost.descriptor(for: tool), for: revision))
        }
        guard unknown.isEmpty else { return Self.failure(unknown.joined(separator: "; ")) }
        return Self.tools(definitions)
    }

    /// `call_read_tool` / `call_write_tool`: the real tool's call, on its side only.
    func forward(
        _ arguments: JSONObject, reads: Bool, catalog: Catalog, index: ToolSearchIndex, context: ToolCallContext
    ) async -> ToolResult {
        let meta = reads ? DiscoveryTools.callRead : DiscoveryTools.callWrite
        if let failure = Self.violations(of: arguments, for: meta) { return failure }
        let name = arguments["name"]?.stringValue ?? ""
        guard let tool = catalog.tool(named: name) else { return Self.failure(Self.unknownTool(name, index: index)) }
        guard tool.kind.isRead == reads else {
            let other = reads ? DiscoveryTools.callWrite : DiscoveryTools.callRead
            return Self.failure(
                "name: \(name) is a \(tool.kind.rawValue) tool; run it with \(other), not \(meta)")
        }
        let forwarded = arguments["arguments"]?.objectValue ?? JSONObject()
        guard let result = await inner.call(name, arguments: forwarded, context: context, in: catalog) else {
            return Self.failure(Self.unknownTool(name, index: index))
        }
        return result
    }

    /// The message for a name no exposed tool has, with the closest real names.
    private static func unknownTool(_ name: String, index: ToolSearchIndex) -> String {
        let shown = name.count > 80 ? String(name.prefix(80)) + "…" : name
        let closest = index.closestNames(to: String(name.prefix(200)))
        let suggestion = closest.isEmpty ? "" : "; closest: \(closest.joined(separator: ", "))"
        return "names: no tool named '\(shown)'\(suggestion). Use search_tools to find tools."
    }

    /// `invalid_arguments` with one message per offending field, worded as the engine words them.
    private static func violations(of arguments: JSONObject, for tool: String) -> ToolResult? {
        guard let schema = validators[tool] else { return nil }
        let violations = schema.validate(.object(arguments))
        guard !violations.isEmpty else { return nil }
        let details = violations.map { violation in
            let field = violation.pointer.tokens.isEmpty ? "arguments" : violation.pointer.tokens.joined(separator: ".")
            return "\(field): \(violation.message)"
        }
        return failure(details.joined(separator: "; "))
    }

    /// A tool result carrying an `invalid_arguments` error, shaped as the engine shapes errors.
    private static func failure(_ message: String) -> ToolResult {
        let error = EngineError(.invalidArguments, message, retryable: false)
        return ToolResult(text: error.text, structuredContent: error.structured, isError: true)
    }

    /// `{"tools": [...]}` as text and structured content.
    private static func tools(_ items: [JSONValue]) -> ToolResult {
        let value: JSONValue = ["tools": .array(items)]
        return ToolResult(encoding: value)
    }

    private static func json(_ hit: ToolSearchHit) -> JSONValue {
        [
            "name": .string(hit.name), "integration": .string(hit.integration), "kind": .string(hit.kind.rawValue),
            "summary": .string(hit.summary), "tokens": .int(Int64(hit.tokens)),
        ]
    }
}
