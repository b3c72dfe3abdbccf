import Catalog
import Engine
import FoundationEssentials
import JSON
import MCP
import SystemIO

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
        load().catalog
    }

    /// Loads the catalogue with its statuses, writing its diagnostics to stderr (warnings too unless
    /// `errorsOnly`: a command that shows each integration's state has no need to warn about it);
    /// registers the credentials for redaction.
    func load(using loader: CatalogLoader? = nil, errorsOnly: Bool = false) -> CatalogLoadResult {
        let result = (loader ?? self.loader).load()
        for diagnostic in result.diagnostics where !errorsOnly || diagnostic.severity == .error {
            logger.log(
                diagnostic.severity == .error ? .error : .warning,
                "\(diagnostic.file):\(diagnostic.pointer): \(diagnostic.message)")
        }
        register(result.catalog)
        return result
    }

    /// Registers a catalogue's credentials — of every account — with the redaction registry.
    func register(_ catalog: Catalog) {
        for integration in catalog.integrations.values { secrets.register(integration.secretValues) }
        for set in catalog.accounts.values {
            for member in set.members { secrets.register(member.secretValues) }
        }
    }

    /// The transport the options ask for, and the cursor key of its cassette under `--record`
    /// or `--replay`.
    func makeTransport() throws(UsageError) -> (transport: any HTTPTransport, cassetteKey: [UInt8]?) {
        if let replay = options.replay {
            do {
                let transport = try ReplayTransport(path: replay, secrets: secrets)
                return (transport, transport.cursorKey)
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
        guard let record = options.record else { return (network, nil) }
        do {
            let transport = try RecordingTransport(wrapping: network, path: record, secrets: secrets, logger: logger)
            return (transport, transport.cursorKey)
        } catch {
            throw UsageError(error.message)
        }
    }

    /// What seals cursors and request state: the cassette's key under `--record`/`--replay`, else
    /// `$SWITCHYARD_CURSOR_KEY` (hex, at least 32 digits), else `cursor.key` in the state
    /// directory (created on first use). A key file that cannot be made or read leaves a warning
    /// and a key of this process alone: cursors then work until the process exits.
    func cursorSealer(cassetteKey: [UInt8]?) async throws(UsageError) -> TokenSealer {
        if let cassetteKey { return TokenSealer(key: cassetteKey) }
        if let text = environment["SWITCHYARD_CURSOR_KEY"] {
            guard let key = Hex.decode(text.trimmingWhitespaceAndNewlines()), key.count >= 16 else {
                throw UsageError("SWITCHYARD_CURSOR_KEY must be hexadecimal, at least 32 digits (64 recommended)")
            }
            return TokenSealer(key: key)
        }
        let file = CursorKeyFile(directory: options.stateDirectory(environment: environment))
        do {
            return TokenSealer(key: try await file.loadOrCreate())
        } catch {
            logger.warning("\(error.message); cursors issued now will not survive a restart")
            return TokenSealer(key: TokenSealer.randomKey())
        }
    }

    /// Where OAuth tokens (and, for Redis, rate budgets) are kept: `--state-store` /
    /// `SWITCHYARD_STATE_STORE`, else the state directory.
    func stateStore() throws(UsageError) -> any StateStore {
        if let endpoint = try options.redisEndpoint(environment: environment) {
            return RedisStateStore(endpoint: endpoint)
        }
        return FileStateStore(directory: options.stateDirectory(environment: environment))
    }

    /// The engine and the tool host over a loaded catalogue, or — with `nil` — a host waiting for
    /// its catalogue through ``CatalogToolHost/provide(_:)``; and the sealer they share with the
    /// session.
    func makeHost(catalog: Catalog?) async throws(UsageError) -> (
        host: CatalogToolHost, engine: ToolEngine, sealer: TokenSealer
    ) {
        let (transport, cassetteKey) = try makeTransport()
        let sealer = try await cursorSealer(cassetteKey: cassetteKey)
        let state = try stateStore()
        let (secrets, logger) = (secrets, logger)
        var engineOptions = EngineOptions(
            maxOutputBytes: options.maxOutputBytes, readOnly: options.readOnly,
            userAgent: "switchyard/\(Version.current)", logger: logger, cursorSealer: sealer)
        // Only a shared store shares budgets; with the state directory each process keeps its own.
        engineOptions.stateStore = state is RedisStateStore ? state : nil
        let engine = ToolEngine(
            transport: transport, options: engineOptions,
            makeAuth: { integration in
                guard case .oauth2(let config) = integration.auth else {
                    return StaticAuthProvider(config: integration.auth)
                }
                return OAuth2Provider(
                    config: config, integration: integration.name, account: integration.account, state: state,
                    transport: transport, clock: SystemClock(), secrets: secrets, logger: logger)
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
            return (CatalogToolHost(engine: engine, audit: audit, confirmation: options.confirm), engine, sealer)
        }
        return (
            CatalogToolHost(catalog: catalog, engine: engine, audit: audit, confirmation: options.confirm), engine,
            sealer
        )
    }
}
