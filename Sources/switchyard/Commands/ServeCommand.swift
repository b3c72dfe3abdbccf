import Catalog
import Dispatch
import Engine
import FoundationEssentials
import MCP
import SystemIO

/// `switchyard serve`: the MCP server on stdin/stdout, with live reload of the integration files.
enum ServeCommand {
    static func run(_ options: Options, environment: [String: String]) async throws(UsageError) -> Int32 {
        let discovery = try options.discoveryMode(environment: environment)
        if !options.pins.isEmpty, discovery != .search { throw UsageError("--pin goes with --discovery search") }
        let assembly = Assembly(options: options, environment: environment)
        if options.only != nil || options.tags != nil || options.tools != nil {
            let whole = CatalogSurvey.wholeLoader(like: assembly.loader).load()
            try CatalogSurvey(loaded: whole, whole: whole, filter: options.filter).checkFilters()
        }
        let (host, _, sealer) = try await assembly.makeHost(catalog: nil)
        var observer: LineObserver?
        if let path = options.transcript {
            let transcript = try TranscriptWriter(path: path, secrets: assembly.secrets)
            observer = { direction, line in transcript.record(incoming: direction == .incoming, line: line) }
        }
        // The integration files are read on their own thread before the session starts: the
        // `instructions` of `initialize` say which integrations were left out and why. The watch is
        // in place before that first read (so no edit made after start-up can slip between the read
        // and the watch), and a change seen meanwhile waits for the first load, so a reload never
        // overtakes it.
        let firstLoad = DispatchSemaphore(value: 0)
        let watcher = IntegrationWatcher(paths: assembly.loader.paths) {
            firstLoad.wait()
            firstLoad.signal()
            reload(assembly: assembly, host: host)
        }
        let loaded: CatalogLoadResult = await withCheckedContinuation { continuation in
            let firstRead: @Sendable () -> Void = {
                let result = assembly.load()
                host.provide(result.catalog)
                firstLoad.signal()
                continuation.resume(returning: result)
            }
            do {
                try DetachedThread.start(name: "switchyard.catalog", firstRead)
            } catch {
                // No thread to spare: read the files here, a slower start but served.
                assembly.logger.warning("\(error); reading the integration files on this thread")
                firstRead()
            }
        }
        let catalog = loaded.catalog
        if catalog.tools.isEmpty {
            assembly.logger.error(ServeInstructions.noToolsLine(statuses: loaded.statuses))
        } else {
            assembly.logger.info(
                "serving \(Plural.count(catalog.tools.count, "tool")) from "
                    + Plural.count(catalog.integrations.count, "integration"))
        }
        let transport = StdioTransport(observer: observer)
        let served: any ToolHost =
            discovery == .search
            ? DiscoveryToolHost(wrapping: host, pins: options.pins, readOnly: options.readOnly, logger: assembly.logger)
            : host
        let server = MCPServer(
            host: served, transport: transport,
            configuration: ServerConfiguration(
                version: Version.current,
                instructions: ServeInstructions.text(statuses: loaded.statuses, toolCount: catalog.tools.count),
                sealer: sealer),
            logger: assembly.logger)
        let signals = ShutdownSignals { [logger = assembly.logger] number in
            logger.info(
                "signal \(number): finishing in-flight calls (up to \(options.shutdownGraceMilliseconds) ms); "
                    + "send it again to exit at once")
            server.shutDown(grace: .milliseconds(options.shutdownGraceMilliseconds))
        }
        defer { signals.cancel() }
        await server.run()
        watcher?.stop()
        host.finish()
        await Logger.flushStandardError()
        return 0
    }

    /// Re-validates the whole set; a valid set replaces the served one, an invalid one is refused.
    static func reload(assembly: Assembly, host: CatalogToolHost) {
        let result = assembly.loader.load()
        guard !result.hasErrors else {
            assembly.logger.error("integration files changed but are invalid; still serving the previous set:")
            for diagnostic in result.diagnostics where diagnostic.severity == .error {
                assembly.logger.error("\(diagnostic.file):\(diagnostic.pointer): \(diagnostic.message)")
            }
            return
        }
        for diagnostic in result.diagnostics {
            assembly.logger.warning("\(diagnostic.file):\(diagnostic.pointer): \(diagnostic.message)")
        }
        assembly.register(result.catalog)
        host.replace(result.catalog)
        assembly.logger.info(
            "reloaded: \(Plural.count(result.catalog.tools.count, "tool")) from "
                + Plural.count(result.catalog.integrations.count, "integration"))
    }
}
