import Catalog
import Engine
import FoundationEssentials
import JSON
import MCP

/// Builds the running pieces from the options: catalogue, transport (network, recorder or
/// replayer), engine and tool host. Shared by `serve`, `call`, `tools` and `demo`.
struct Assembly {
    let options: Options
    let environment: [String: String]
    let logger: Logger
    let secrets = SecretRegistry()

    init(options: Options, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.options = options
        self.environment = environment
        self.logger = Logger(level: options.logLevel)
    }

    /// The loader for the options' paths and filter.
    var loader: CatalogLoader {
        CatalogLoader(
            paths: options.integrationPaths(environment: environment), environment: environment, filter: options.filter,
            credentialsOptional: options.replay != nil)
    }

    /// Loads the catalogue, writing every diagnostic to stderr; registers the credentials for redaction.
    func loadCatalog() -> Catalog {
        let result = loader.load()
        for diagnostic in result.diagnostics {
            logger.log(
                diagnostic.severity == .error ? .error : .warning,
                "\(diagnostic.file):\(diagnostic.pointer): \(diagnostic.message)")
        }
        register(result.catalog)
        return result.catalog
    }

    /// Registers a catalogue's credentials with the redaction registry.
    func register(_ catalog: Catalog) {
        for integration in catalog.integrations.values { secrets.register(integration.secretValues) }
    }

    /// The transport the options ask for.
    func makeTransport() throws(UsageError) -> any HTTPTransport {
        if let replay = options.replay {
            do {
                return try ReplayTransport(path: replay, secrets: secrets)
            } catch {
                throw UsageError(error.message)
            }
        }
        let network: any HTTPTransport
        do {
            network = try CurlTransport()
        } catch {
            throw UsageError("cannot start the HTTP engine: \(error.message)")
        }
        guard let record = options.record else { return network }
        do {
            return try RecordingTransport(wrapping: network, path: record, secrets: secrets, logger: logger)
        } catch {
            throw UsageError(error.message)
        }
    }

    /// The engine and the tool host over a loaded catalogue, or — with `nil` — a host waiting for
    /// its catalogue through ``CatalogToolHost/provide(_:)``.
    func makeHost(catalog: Catalog?) throws(UsageError) -> (host: CatalogToolHost, engine: ToolEngine) {
        let transport = try makeTransport()
        let stateDirectory = options.stateDirectory(environment: environment)
        let (secrets, logger) = (secrets, logger)
        let engine = ToolEngine(
            transport: transport,
            options: EngineOptions(
                maxOutputBytes: options.maxOutputBytes, readOnly: options.readOnly,
                userAgent: "switchyard/\(Version.current)", logger: logger),
            makeAuth: { integration in
                guard case .oauth2(let config) = integration.auth else {
                    return StaticAuthProvider(config: integration.auth)
                }
                return OAuth2Provider(
                    config: config, integration: integration.name, stateDirectory: stateDirectory, transport: transport,
                    clock: SystemClock(), secrets: secrets, logger: logger)
            })
        var audit: AuditLog?
        if let path = options.auditLog {
            do {
                audit = try AuditLog(path: path, logger: logger)
            } catch {
                throw UsageError(error.message)
            }
        }
        guard let catalog else {
            return (CatalogToolHost(engine: engine, audit: audit, confirmation: options.confirm), engine)
        }
        return (CatalogToolHost(catalog: catalog, engine: engine, audit: audit, confirmation: options.confirm), engine)
    }

    /// The sealer of the tokens handed to clients (request state): keyed by `SWITCHYARD_CURSOR_KEY`
    /// (64 hex digits) when set, else by a key made for this process.
    func makeTokenSealer() throws(UsageError) -> TokenSealer {
        guard let hex = environment["SWITCHYARD_CURSOR_KEY"], !hex.isEmpty else {
            return TokenSealer(key: SealingKey.random())
        }
        guard let key = SealingKey.fromHex(hex) else {
            throw UsageError("SWITCHYARD_CURSOR_KEY must be 64 hex digits (a 32-byte key)")
        }
        return TokenSealer(key: key)
    }
}
