import Catalog
import Engine
import Foundation
import JSON
import Testing

/// Loads one shipped integration file from `Integrations/` with its base URL pointed at a loopback
/// emulation, and runs its tools through the real engine and transport.
struct ShippedIntegration {
    let catalog: Catalog
    let engine: ToolEngine

    /// The repository's `Integrations/` directory.
    static var directory: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Integrations").path
    }

    /// Loads `Integrations/<file>` with `environment` (e.g. the base-URL variable set to the emulation).
    init(file: String, environment: [String: String]) throws {
        let result = CatalogLoader(paths: [Self.directory + "/" + file], environment: environment).load()
        let errors = result.diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty, !result.catalog.tools.isEmpty else {
            throw ShippedIntegrationError(message: "\(file) did not load: \(result.diagnostics.map(\.description))")
        }
        catalog = result.catalog
        engine = ToolEngine(transport: try CurlTransport())
    }

    /// Calls a tool by name with arguments given as JSON text.
    func call(_ name: String, _ arguments: String = "{}") async throws -> ToolOutcome {
        guard let tool = catalog.tool(named: name), let integration = catalog.integrations[tool.integration] else {
            throw ShippedIntegrationError(message: "no tool \(name)")
        }
        guard case .object(let object) = try JSONParser.parse(arguments) else {
            throw ShippedIntegrationError(message: "arguments must be an object")
        }
        let outcome = await engine.call(tool, in: integration, arguments: object)
        OutputSchemaConformance.expect(outcome, of: tool)
        return outcome
    }
}

/// A shipped integration that could not be used in a test.
struct ShippedIntegrationError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
