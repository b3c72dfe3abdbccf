import Catalog
import FoundationEssentials
import JSON
import MCP
import SystemIO

/// `switchyard call TOOL [ARGS|-]`: one tool call, its result printed as JSON; exit 0 ok, 1 tool error.
/// A call that needs confirmation asks on the terminal (see ``TerminalConfirmation``).
enum CallCommand {
    static func run(
        tool name: String, arguments text: String?, options: Options, environment: [String: String]
    ) async throws(UsageError) -> Int32 {
        let arguments = try parseArguments(text)
        let assembly = Assembly(options: options, environment: environment)
        let catalog = try ownerCatalog(of: name, assembly: assembly)
        let (host, _, _) = try await assembly.makeHost(catalog: catalog)
        let confirm = TerminalConfirmation.asker(yes: options.yes, argumentsOnStdin: text == "-")
        guard let result = await host.call(name, arguments: arguments, context: ToolCallContext(confirm: confirm))
        else {
            throw UsageError("no exposed tool named '\(name)'")
        }
        StandardOutput.write(JSONValue.object(ToolRenderer.callResult(result, for: .newestLegacy)).encoded())
        return result.isError ? 1 : 0
    }

    /// Loads only the integration that owns `name`, so its warnings are the only ones printed; a
    /// tool that exists but is not served is a usage error saying why (`hidden by --read-only`,
    /// `needs GITHUB_TOKEN`), a name that exists nowhere one with a "did you mean".
    private static func ownerCatalog(of name: String, assembly: Assembly) throws(UsageError) -> Catalog {
        let whole = CatalogSurvey.wholeLoader(like: assembly.loader).load()
        try CatalogSurvey(loaded: whole, whole: whole, filter: assembly.options.filter).checkFilters()
        guard let owned = whole.catalog.tool(named: name) else {
            let suggestions = FilterCheck.suggestions(for: name, among: Set(whole.catalog.tools.map(\.name)))
            let hint =
                suggestions.isEmpty
                ? " (see switchyard tools)" : " (did you mean \(suggestions.joined(separator: ", "))?)"
            throw UsageError("no tool named '\(name)'\(hint)")
        }
        var owner = assembly.loader
        if owner.filter.only?.contains(owned.integration) ?? true { owner.filter.only = [owned.integration] }
        let loaded = assembly.load(using: owner)
        let survey = CatalogSurvey(loaded: loaded, whole: whole, filter: assembly.options.filter)
        let availability = survey.availability(of: owned)
        if let why = availability.explanation(
            tool: name, integration: owned.integration, file: whole.catalog.integrations[owned.integration]?.file ?? "")
        {
            throw UsageError(why)
        }
        return loaded.catalog
    }

    private static func parseArguments(_ text: String?) throws(UsageError) -> JSONObject {
        guard let text else { return JSONObject() }
        let data: Data
        if text == "-" {
            data = readStandardInput()
        } else {
            data = Data(text.utf8)
        }
        let value: JSONValue
        do {
            value = try JSONParser.parse(data)
        } catch {
            throw UsageError("ARGS is not valid JSON: \(error)")
        }
        guard case .object(let object) = value else {
            throw UsageError("ARGS must be a JSON object, not \(value.typeName)")
        }
        return object
    }

    /// Everything on standard input, up to its end (or a read error).
    private static func readStandardInput() -> Data {
        Data(FileDescriptor.readToEnd(FileDescriptor.standardInput))
    }
}
