import Catalog
import Engine
import JSON
import MCP
import Synchronization
import SystemIO

/// The ``ToolHost`` of `--discovery search`: lists four meta-tools (plus pinned tools) instead of
/// the whole catalogue, and reaches every exposed tool through them.
///
/// `search_tools` ranks the catalogue with a ``ToolSearchIndex`` (rebuilt when a reload replaces
/// the catalogue); `describe_tools` returns the definitions `tools/list` gives in `all` mode for
/// the request's revision; `call_read_tool` and `call_write_tool` hand the call to the wrapped
/// ``CatalogToolHost`` under the real tool's name, with the request's context — so the result,
/// audit line, progress, cancellation and `next_cursor` are exactly the direct call's. Only tools
/// the catalogue exposes (after `--only`, `--tags`, `--tools`, `--read-only`) are ever found,
/// described or called. A direct `tools/call` of an exposed tool by its own name is served too.
package final class DiscoveryToolHost: ToolHost {
    private struct Built: Sendable {
        let generation: Int
        let index: ToolSearchIndex
        let listed: [ToolDescriptor]
    }

    let inner: CatalogToolHost
    private let pins: [String]
    private let readOnly: Bool
    private let logger: Logger
    private let built = Mutex<Built?>(nil)

    /// Wraps `inner`; `pins` are listed in full beside the meta-tools; `readOnly` leaves
    /// `call_write_tool` out (the catalogue then holds no write tool anyway).
    package init(
        wrapping inner: CatalogToolHost, pins: [String] = [], readOnly: Bool = false, logger: Logger = Logger()
    ) {
        self.inner = inner
        self.pins = pins
        self.readOnly = readOnly
        self.logger = logger
    }

    /// The meta-tools, then the pinned tools the catalogue exposes, in pin order.
    package func tools() async -> [ToolDescriptor] {
        await current().built.listed
    }

    /// Serves a meta-tool, or hands a direct call of an exposed tool to the catalogue host.
    package func call(_ name: String, arguments: JSONObject, context: ToolCallContext) async -> ToolResult? {
        let (catalog, built) = await current()
        switch name {
        case DiscoveryTools.search: return search(arguments, index: built.index)
        case DiscoveryTools.describe: return describe(arguments, catalog: catalog, index: built.index, context: context)
        case DiscoveryTools.callRead:
            return await forward(arguments, reads: true, catalog: catalog, index: built.index, context: context)
        case DiscoveryTools.callWrite where !readOnly:
            return await forward(arguments, reads: false, catalog: catalog, index: built.index, context: context)
        default: return await inner.call(name, arguments: arguments, context: context, in: catalog)
        }
    }

    /// The catalogue host's change stream: a reload changes what search finds and, with pins, what is listed.
    package func changes() -> AsyncStream<Void> {
        inner.changes()
    }

    /// The catalogue now and its index, rebuilt once per catalogue generation.
    private func current() async -> (catalog: Catalog, built: Built) {
        let (catalog, generation) = await inner.currentCatalog()
        if let built = built.withLock({ $0 }), built.generation == generation { return (catalog, built) }
        let fresh = Built(
            generation: generation, index: ToolSearchIndex(catalog: catalog, cost: DefinitionCost.tokens(of:)),
            listed: listing(catalog))
        built.withLock { stored in
            if (stored?.generation ?? -1) < generation { stored = fresh }
        }
        return (catalog, fresh)
    }

    /// What `tools/list` shows for a catalogue; warns once per catalogue about pins it lacks.
    private func listing(_ catalog: Catalog) -> [ToolDescriptor] {
        var integrations: [String] = []
        for tool in catalog.tools where !integrations.contains(tool.integration) {
            integrations.append(tool.integration)
        }
        var listed = DiscoveryTools.descriptors(integrations: integrations, readOnly: readOnly)
        for pin in pins where !DiscoveryTools.isMetaTool(pin) {
            guard let tool = catalog.tool(named: pin) else {
                logger.warning("--pin \(pin): no exposed tool has that name; not listed")
                continue
            }
            listed.append(CatalogToolHost.descriptor(for: tool))
        }
        return listed
    }
}
