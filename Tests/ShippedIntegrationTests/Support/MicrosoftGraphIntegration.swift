import Catalog
import Engine
import Foundation
import JSON
import SystemIO
import Testing

/// Loads the shipped `Integrations/msgraph.json` and runs its tools through the real engine with
/// an ``OAuth2Provider``, as the command line wires it, so the client-credentials token request
/// goes to the token endpoint the environment names (the emulation's).
struct MicrosoftGraphIntegration {
    let catalog: Catalog
    let engine: ToolEngine

    /// Loads `msgraph.json` with `environment`; no state directory: client-credentials tokens are not persisted.
    init(environment: [String: String]) throws {
        let path = ShippedIntegration.directory + "/msgraph.json"
        let result = CatalogLoader(paths: [path], environment: environment).load()
        guard !result.diagnostics.contains(where: { $0.severity == .error }), !result.catalog.tools.isEmpty else {
            throw ShippedIntegrationError(
                message: "msgraph.json did not load: \(result.diagnostics.map(\.description))")
        }
        catalog = result.catalog
        let transport = try CurlTransport()
        let secrets = SecretRegistry()
        engine = ToolEngine(transport: transport) { integration in
            guard case .oauth2(let config) = integration.auth else {
                return StaticAuthProvider(config: integration.auth)
            }
            return OAuth2Provider(
                config: config, integration: integration.name, stateDirectory: nil, transport: transport,
                clock: SystemClock(), secrets: secrets, logger: Logger(level: .error))
        }
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
