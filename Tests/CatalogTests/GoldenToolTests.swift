import Catalog
import Foundation
import JSON
import Testing

/// The generated tool definitions of the shipped integrations, compared with reviewed golden files.
///
/// Run with `SWITCHYARD_UPDATE_GOLDEN=1` to rewrite the golden file after an intended change,
/// then review the diff.
@Suite struct GoldenToolTests {
    /// Every variable the shipped files reference, set to a value that passes the base URL check,
    /// except the numeric settings (`${NAME:-15}`), left to their defaults: a URL is no number.
    static func catalogueEnvironment() throws -> [String: String] {
        let loader = CatalogLoader(paths: [RepositoryPaths.integrations], environment: [:])
        var environment: [String: String] = [:]
        for file in loader.files().files {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            let numeric = EnvironmentInterpolator.numericSettings(in: text)
            for name in EnvironmentInterpolator.references(in: text) where !numeric.contains(name) {
                environment[name] = "https://example.test"
            }
        }
        return environment
    }

    /// The shipped integration files (their names without `.json`).
    static let shippedNames: [String] = {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: RepositoryPaths.integrations)) ?? []
        return entries.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }()

    @Test("each shipped file's tool definitions match its golden file", arguments: shippedNames)
    func golden(name: String) throws {
        let file = RepositoryPaths.integrations + "/\(name).json"
        let result = CatalogLoader(paths: [file], environment: try Self.catalogueEnvironment()).load()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
        let generated = ToolDefinition.pretty(.array(result.catalog.tools.map(ToolDefinition.json)))
        let path = RepositoryPaths.root + "/Tests/CatalogTests/Golden/\(name).tools.json"
        if ProcessInfo.processInfo.environment["SWITCHYARD_UPDATE_GOLDEN"] == "1" {
            try Data(generated.utf8).write(to: URL(fileURLWithPath: path))
            return
        }
        let golden = try #require(
            try? String(contentsOfFile: path, encoding: .utf8),
            "missing \(path): run the tests with SWITCHYARD_UPDATE_GOLDEN=1 to create it")
        guard golden != generated else { return }
        let goldenLines = golden.split(separator: "\n", omittingEmptySubsequences: false)
        let generatedLines = generated.split(separator: "\n", omittingEmptySubsequences: false)
        let line =
            Array(zip(goldenLines, generatedLines)).firstIndex { $0 != $1 }
            ?? min(goldenLines.count, generatedLines.count)
        let expected = line < goldenLines.count ? String(goldenLines[line]) : "<end of file>"
        let actual = line < generatedLines.count ? String(generatedLines[line]) : "<end of output>"
        Issue.record(
            """
            generated \(name) tools differ from \(path) at line \(line + 1):
              golden:    \(expected)
              generated: \(actual)
            If the change is intended, run with SWITCHYARD_UPDATE_GOLDEN=1 and review the diff.
            """)
    }

    @Test("the golden file is valid JSON holding one definition per GitHub tool")
    func goldenIsJSON() throws {
        let text = try String(contentsOfFile: RepositoryPaths.githubGolden, encoding: .utf8)
        let definitions = try #require(try JSONValue(parsing: text).arrayValue)
        #expect(definitions.count == 21)
        for definition in definitions {
            let name = try #require(definition["name"]?.stringValue)
            #expect(definition["inputSchema"]?["additionalProperties"] == false, "\(name)")
            #expect(definition["annotations"]?["openWorldHint"] == true, "\(name)")
        }
    }

    @Test("the shipped catalogue loads without errors and averages at most 300 tokens a tool")
    func tokenBudget() throws {
        let loader = CatalogLoader(paths: [RepositoryPaths.integrations], environment: try Self.catalogueEnvironment())
        let result = loader.load()
        #expect(result.errors.isEmpty, "\(result.errors.map(\.description))")
        let tools = result.catalog.tools
        try #require(!tools.isEmpty)
        let costs = tools.map { ($0.name, ToolDefinition.tokens($0)) }
        let average = costs.map(\.1).reduce(0, +) / Double(costs.count)
        let heaviest = costs.sorted { $0.1 > $1.1 }.prefix(5).map { "\($0.0) \(Int($0.1.rounded()))" }
        #expect(average <= 300, "average \(average) tokens; heaviest: \(heaviest.joined(separator: ", "))")
    }

    @Test("every shipped operation describes itself and its parameters")
    func shippedDescriptions() throws {
        let result = CatalogLoader(paths: [RepositoryPaths.integrations], environment: try Self.catalogueEnvironment())
            .load()
        #expect(result.warnings.isEmpty, "\(result.warnings.map(\.description))")
        for tool in result.catalog.tools {
            #expect(tool.operation.description.count >= 40, "\(tool.name)")
            for parameter in tool.operation.parameters {
                #expect(
                    parameter.schema["description"]?.stringValue?.isEmpty == false, "\(tool.name).\(parameter.name)")
            }
        }
    }
}
