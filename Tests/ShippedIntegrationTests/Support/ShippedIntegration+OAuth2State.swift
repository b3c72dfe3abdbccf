import Catalog
import Engine
import Foundation
import SystemIO

extension ShippedIntegration {
    /// Loads a shipped file whose `oauth2` auth is served by real ``OAuth2Provider``s (as the
    /// command line wires them), keeping refresh-token state in `oauthStateDirectory` (`nil` for
    /// none: client-credentials tokens are not persisted).
    init(file: String, environment: [String: String], oauthStateDirectory: String?) throws {
        let loaded = try ShippedIntegration(file: file, environment: environment)
        let transport = try CurlTransport()
        let secrets = SecretRegistry()
        let logger = Logger(level: .error)
        catalog = loaded.catalog
        engine = ToolEngine(transport: transport) { integration in
            guard case .oauth2(let config) = integration.auth else {
                return StaticAuthProvider(config: integration.auth)
            }
            return OAuth2Provider(
                config: config, integration: integration.name, stateDirectory: oauthStateDirectory,
                transport: transport,
                clock: SystemClock(), secrets: secrets, logger: logger)
        }
    }

    /// A fresh, empty directory for one test's OAuth token store.
    static func temporaryStateDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "switchyard-oauth-\(UUID().uuidString)"
        ).path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
