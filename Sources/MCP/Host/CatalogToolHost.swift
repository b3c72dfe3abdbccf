import Catalog
import Engine
import JSON
import Synchronization

/// The production ``ToolHost``: tools from a ``Catalog`` (swappable on reload), calls through a ``ToolEngine``.
public final class CatalogToolHost: ToolHost {
    private struct Snapshot: Sendable {
        let catalog: Catalog
        let descriptors: [ToolDescriptor]
    }

    private let engine: ToolEngine
    private let audit: AuditLog?
    private let clock = ContinuousClock()
    private let snapshot: Mutex<Snapshot>
    private let listeners = Mutex<[AsyncStream<Void>.Continuation]>([])

    /// Creates a host serving `catalog` through `engine`, auditing to `audit` when given.
    public init(catalog: Catalog, engine: ToolEngine, audit: AuditLog? = nil) {
        self.engine = engine
        self.audit = audit
        snapshot = Mutex(Snapshot(catalog: catalog, descriptors: catalog.tools.map(Self.descriptor)))
    }

    /// The catalogue being served now.
    public var catalog: Catalog { snapshot.withLock { $0.catalog } }

    /// Replaces the catalogue; calls in flight finish on the one they started with. Notifies listeners.
    public func replace(_ catalog: Catalog) {
        snapshot.withLock { $0 = Snapshot(catalog: catalog, descriptors: catalog.tools.map(Self.descriptor)) }
        for listener in listeners.withLock({ $0 }) { listener.yield() }
    }

    /// The exposed tools.
    public func tools() -> [ToolDescriptor] {
        snapshot.withLock { $0.descriptors }
    }

    /// Runs a call; `nil` when the tool is not exposed.
    public func call(_ name: String, arguments: JSONObject, context: ToolCallContext) async -> ToolCallResult? {
        let catalog = snapshot.withLock { $0.catalog }
        guard let tool = catalog.tool(named: name), let integration = catalog.integrations[tool.integration] else {
            return nil
        }
        let start = clock.now
        let outcome = await engine.call(tool, in: integration, arguments: arguments, progress: context.progress)
        audit?.append(
            AuditLog.Entry(
                tool: tool.name, integration: tool.integration, kind: tool.kind.rawValue, arguments: arguments,
                outcome: outcome, duration: clock.now - start))
        return ToolCallResult(text: outcome.text, structuredContent: outcome.structured, isError: outcome.isError)
    }

    /// A stream that yields after each ``replace(_:)``.
    public func changes() -> AsyncStream<Void> {
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        listeners.withLock { $0.append(continuation) }
        return stream
    }

    /// Finishes every change stream (the server is stopping).
    public func finish() {
        for listener in listeners.withLock({ $0 }) { listener.finish() }
    }

    /// The protocol view of a catalogue tool.
    public static func descriptor(for tool: Tool) -> ToolDescriptor {
        ToolDescriptor(
            name: tool.name, title: tool.title, description: tool.description, inputSchema: tool.inputSchema,
            outputSchema: tool.outputSchema, annotations: tool.annotations)
    }
}
