import Catalog
import JSON
import MCP

/// `switchyard tools`: every tool of the readable files (of the `--only` integrations), with its
/// status (`ready`, `needs VAR`, `filtered out`), kind, tags and the tokens its definition costs;
/// `--schema NAME` prints one definition, `--search` ranks the served tools.
enum ToolsCommand {
    static func run(_ options: Options, environment: [String: String]) throws(UsageError) -> Int32 {
        let assembly = Assembly(options: options, environment: environment)
        let survey = CatalogSurvey(loaded: assembly.load(errorsOnly: true), loader: assembly.loader)
        try survey.checkFilters()
        if let name = options.schema { return try schema(name, in: survey) }
        if let query = options.search {
            return search(query, limit: options.limit ?? 10, in: survey.loaded.catalog, json: options.json)
        }
        let listed = survey.whole.catalog.tools.filter { options.only?.contains($0.integration) ?? true }
        let broken = survey.brokenFiles.filter { options.only?.contains($0.name) ?? true }
        var rows: [JSONValue] = []
        var total = 0
        var ready = 0
        for tool in listed {
            let tokens = estimate(tool)
            let availability = survey.availability(of: tool)
            if availability == .ready {
                total += tokens
                ready += 1
            }
            rows.append([
                "name": .string(tool.name), "integration": .string(tool.integration),
                "kind": .string(tool.kind.rawValue),
                "tags": .array(tool.tags.map { .string($0) }), "tokens": .int(Int64(tokens)),
                "status": .string(availability.code), "missing": .array(availability.missing.map { .string($0) }),
            ])
        }
        let accounts = accountNames(in: survey.loaded.catalog)
        if options.json {
            let files: [JSONValue] = broken.map { ["name": .string($0.name), "file": .string($0.file)] }
            var object: JSONObject = [
                "tools": .array(rows), "total_tokens": .int(Int64(total)), "file_errors": .array(files),
            ]
            if !accounts.isEmpty {
                object["accounts"] = .object(
                    JSONObject(accounts.map { .init(key: $0.integration, value: .array($0.names.map { .string($0) })) })
                )
            }
            StandardOutput.write(JSONValue.object(object).encoded())
            return 0
        }
        let labels = listed.map { survey.availability(of: $0).label }
        let nameWidth = max(4, listed.map(\.name.count).max() ?? 0)
        let statusWidth = max(6, labels.map(\.count).max() ?? 0)
        StandardOutput.write(
            pad("TOOL", nameWidth) + "  " + pad("STATUS", statusWidth) + "  " + pad("KIND", 6) + "  "
                + pad("TOKENS", 6) + "  TAGS")
        for (tool, label) in zip(listed, labels) {
            StandardOutput.write(
                pad(tool.name, nameWidth) + "  " + pad(label, statusWidth) + "  " + pad(tool.kind.rawValue, 6) + "  "
                    + pad(String(estimate(tool)), 6, right: true) + "  " + tool.tags.joined(separator: ","))
        }
        for file in broken {
            StandardOutput.write("\(file.name): file error, no tools listed (see switchyard validate \(file.file))")
        }
        let average = ready == 0 ? 0 : total / ready
        var summary = "\(ready) of \(Plural.count(listed.count, "tool")) ready, \(total) tokens in all"
        summary += ready == 0 ? "" : " (about \(average) per ready tool)"
        if ready < listed.count { summary += "; set the variables named above, or see switchyard doctor" }
        StandardOutput.write(summary)
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

    /// `tools --schema NAME`: the tool's definition as `tools/list` gives it (newest legacy
    /// revision), whether or not it is served now; a note on stderr when it is not.
    static func schema(_ name: String, in survey: CatalogSurvey) throws(UsageError) -> Int32 {
        guard let tool = survey.whole.catalog.tool(named: name) else {
            let suggestions = FilterCheck.suggestions(
                for: name, among: Set(survey.whole.catalog.tools.map(\.name)))
            let hint =
                suggestions.isEmpty
                ? " (see switchyard tools)" : " (did you mean \(suggestions.joined(separator: ", "))?)"
            throw UsageError("no tool named '\(name)'\(hint)")
        }
        StandardOutput.write(ToolRenderer.tool(CatalogToolHost.descriptor(for: tool), for: .newestLegacy).encoded())
        let availability = survey.availability(of: tool)
        if let why = availability.explanation(tool: tool.name, integration: tool.integration, file: "") {
            StandardError.write("switchyard: note: not served now: \(why)")
        }
        return 0
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
