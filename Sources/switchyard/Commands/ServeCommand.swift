import Catalog
import Engine
import Foundation
import MCP
import Synchronization

/// `switchyard serve`: the MCP server on stdin/stdout, with live reload of the integration files.
enum ServeCommand {
    static func run(_ options: Options, environment: [String: String]) async throws(UsageError) -> Int32 {
        let assembly = Assembly(options: options, environment: environment)
        let (host, _) = try assembly.makeHost(catalog: nil)
        var observer: LineObserver?
        if let path = options.transcript {
            let transcript = try TranscriptWriter(path: path, secrets: assembly.secrets)
            observer = { direction, line in transcript.record(incoming: direction == .incoming, line: line) }
        }
        // `initialize` needs no tools: the integration files are read on their own thread while the
        // session starts, and tools/list and tools/call wait for them. Watching starts once they are
        // loaded, so a reload can never be overtaken by the first load.
        let watching = WatcherSlot()
        let loading = Thread {
            let catalog = assembly.loadCatalog()
            host.provide(catalog)
            assembly.logger.info(
                "serving \(catalog.tools.count) tools from \(catalog.integrations.count) integrations")
            watching.start {
                IntegrationWatcher(paths: assembly.loader.paths) { reload(assembly: assembly, host: host) }
            }
        }
        loading.name = "switchyard.catalog"
        loading.start()
        let transport = StdioTransport(observer: observer)
        let server = MCPServer(
            host: host, transport: transport,
            configuration: ServerConfiguration(version: Version.current), logger: assembly.logger)
        await server.run()
        watching.stop()
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
            "reloaded: \(result.catalog.tools.count) tools from \(result.catalog.integrations.count) integrations")
    }
}

/// The integration watcher of a serving session: started by the loading thread, stopped by the
/// session; if the session stops first, no watcher is started at all.
private final class WatcherSlot: Sendable {
    private let state = Mutex<(watcher: IntegrationWatcher?, stopped: Bool)>((nil, false))

    /// Starts watching with the watcher `make` creates, unless the session has already stopped.
    func start(_ make: () -> IntegrationWatcher?) {
        state.withLock { state in
            guard !state.stopped else { return }
            state.watcher = make()
        }
    }

    /// Stops the watcher, now or as soon as it starts.
    func stop() {
        let watcher = state.withLock { state -> IntegrationWatcher? in
            state.stopped = true
            return state.watcher
        }
        watcher?.stop()
    }
}
