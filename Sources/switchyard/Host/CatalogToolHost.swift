import Catalog
import Engine
import JSON
import MCP
import Synchronization

/// The production ``ToolHost``: tools from a ``Catalog`` (swappable on reload), calls through a ``ToolEngine``.
///
/// A host may start without a catalogue (``init(engine:audit:)``) so that the session can answer
/// `initialize` while the integration files are still being read: `tools()` and `call` wait
/// until ``provide(_:)`` hands over the first catalogue.
package final class CatalogToolHost: ToolHost {
    private struct Snapshot: Sendable {
        let catalog: Catalog
        let descriptors: [ToolDescriptor]
        var generation = 0

        init(_ catalog: Catalog) {
            self.catalog = catalog
            descriptors = catalog.tools.map(CatalogToolHost.descriptor)
        }
    }

    private struct State {
        var generation = 0
        var snapshot: Snapshot?
        var waiting: [CheckedContinuation<Snapshot, Never>] = []
    }

    private let engine: ToolEngine
    private let audit: AuditLog?
    private let policy: ConfirmationPolicy
    private let clock = ContinuousClock()
    private let state: Mutex<State>
    private let listeners = Mutex<[AsyncStream<Void>.Continuation]>([])

    /// Creates a host serving `catalog` through `engine`, auditing to `audit` when given; calls
    /// that `confirmation` names need a person's confirmation first.
    package init(
        catalog: Catalog, engine: ToolEngine, audit: AuditLog? = nil, confirmation: ConfirmationPolicy = .destructive
    ) {
        self.engine = engine
        self.audit = audit
        self.policy = confirmation
        state = Mutex(State(snapshot: Snapshot(catalog)))
    }

    /// Creates a host whose catalogue comes later through ``provide(_:)``; until then `tools()`
    /// and `call` wait.
    package init(engine: ToolEngine, audit: AuditLog? = nil, confirmation: ConfirmationPolicy = .destructive) {
        self.engine = engine
        self.audit = audit
        self.policy = confirmation
        state = Mutex(State())
    }

    /// The catalogue being served now, or `nil` while the first one is still being loaded.
    package var catalog: Catalog? { state.withLock { $0.snapshot?.catalog } }

    /// Hands over the first catalogue and releases whoever waits for it; later catalogues go
    /// through ``replace(_:)``. Listeners are not notified: nothing was listed before.
    package func provide(_ catalog: Catalog) {
        var snapshot = Snapshot(catalog)
        let waiting = state.withLock { state in
            state.generation += 1
            snapshot.generation = state.generation
            state.snapshot = snapshot
            defer { state.waiting = [] }
            return state.waiting
        }
        for waiter in waiting { waiter.resume(returning: snapshot) }
    }

    /// Replaces the catalogue; calls in flight finish on the one they started with. Notifies listeners.
    package func replace(_ catalog: Catalog) {
        provide(catalog)
        for listener in listeners.withLock({ $0 }) { listener.yield() }
    }

    /// The exposed tools (once the first catalogue is there).
    package func tools() async -> [ToolDescriptor] {
        await current().descriptors
    }

    /// Runs a call; `nil` when the tool is not exposed.
    ///
    /// A call the confirmation policy names is checked first (`--read-only`, arguments), then put
    /// to a person through `context.confirm`; unless that approves, nothing is sent and the result
    /// is `declined` or `confirmation_required` (or, when the question goes back to the client,
    /// an error result the session replaces with the question).
    package func call(_ name: String, arguments: JSONObject, context: ToolCallContext) async -> ToolResult? {
        await call(name, arguments: arguments, context: context, in: current().catalog)
    }

    /// Runs a call on the tool of that name in `catalog` (one ``currentCatalog()`` returned, so a
    /// caller that checked the tool there runs that very tool even if a reload came between);
    /// `nil` when it has no such tool. Audited like any call.
    package func call(
        _ name: String, arguments: JSONObject, context: ToolCallContext, in catalog: Catalog
    ) async -> ToolResult? {
        guard let listed = catalog.tool(named: name), catalog.integrations[listed.integration] != nil else {
            return nil
        }
        let start = clock.now
        // A malformed traceparent is ignored together with its tracestate.
        let trace = context.trace.flatMap { TraceContext(traceparent: $0.traceparent, tracestate: $0.tracestate) }
        // The account the call acts as: its credentials, budget, write order and settings.
        let tool: Tool
        let integration: Integration
        switch catalog.account(for: listed, arguments: arguments) {
        case .success(let chosen):
            (tool, integration) = chosen
        case .failure(let error):
            let outcome = ToolOutcome.failure(
                EngineError(.invalidArguments, error.message, retryable: false), attempts: 0)
            audit?.append(
                AuditLog.Entry(
                    tool: listed.name, integration: listed.integration, kind: listed.kind.rawValue,
                    arguments: arguments, outcome: outcome, duration: clock.now - start, traceID: trace?.traceID
                ))
            return outcome.result
        }
        let outcome: ToolOutcome
        switch await approval(tool, in: integration, arguments: arguments, context: context) {
        case .approved:
            outcome = await engine.call(
                tool, in: integration, arguments: arguments, progress: context.progress, trace: trace)
        case .refused(let refusal):
            outcome = .failure(refusal, attempts: 0)
        case .pending:
            // The session saw the deferred decision and answers with the question; this text is its fallback.
            return ToolOutcome.failure(Self.pendingError(tool), attempts: 0).result
        }
        let chose = catalog.accounts[tool.integration]?.isChoice == true
        audit?.append(
            AuditLog.Entry(
                tool: tool.name, integration: tool.integration, kind: tool.kind.rawValue, arguments: arguments,
                outcome: outcome, duration: clock.now - start, traceID: trace?.traceID,
                account: chose ? (integration.account ?? AccountSet.defaultName) : nil))
        return outcome.result
    }

    private enum Approval {
        case approved
        case refused(EngineError)
        case pending
    }

    /// Whether the call may go ahead: at once when the policy does not name it, else as the person decides.
    private func approval(
        _ tool: Tool, in integration: Integration, arguments: JSONObject, context: ToolCallContext
    ) async -> Approval {
        guard policy.requiresConfirmation(tool) else { return .approved }
        // A call that would be refused anyway is refused without troubling anyone.
        if let refusal = engine.preflight(tool, in: integration, arguments: arguments) { return .refused(refusal) }
        let prompt = ConfirmationPrompt(tool: tool, integration: integration, arguments: arguments)
        let vendor = integration.title ?? integration.name
        switch await context.confirm?(prompt) ?? .unavailable {
        case .approved:
            return .approved
        case .declined(let reason):
            return .refused(
                EngineError(
                    .declined, "\(tool.name) was not run: \(reason). Nothing was sent to \(vendor).", retryable: false
                ))
        case .unavailable:
            return .refused(
                EngineError(
                    .confirmationRequired,
                    "\(tool.name) needs a person's confirmation (--confirm \(policy.rawValue)) and nobody could be asked: "
                        + "the client declared no elicitation capability (or `switchyard call` has no terminal). "
                        + "Nothing was sent to \(vendor). Use a client that supports elicitation, "
                        + "`switchyard call \(tool.name) ARGS --yes` from a shell, or start Switchyard with "
                        + "--confirm none for unattended use.",
                    retryable: false))
        case .deferred:
            return .pending
        }
    }

    private static func pendingError(_ tool: Tool) -> EngineError {
        EngineError(
            .confirmationRequired, "\(tool.name) waits for a person's confirmation; nothing was sent.", retryable: false
        )
    }

    /// The catalogue served now (waiting for the first one) and its generation, a number that
    /// grows with every ``provide(_:)`` and ``replace(_:)``: views derived from the catalogue (the
    /// discovery index) rebuild when it changes.
    package func currentCatalog() async -> (catalog: Catalog, generation: Int) {
        let snapshot = await current()
        return (snapshot.catalog, snapshot.generation)
    }

    /// A stream that yields after each ``replace(_:)``.
    package func changes() -> AsyncStream<Void> {
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        listeners.withLock { $0.append(continuation) }
        return stream
    }

    /// Finishes every change stream (the server is stopping).
    package func finish() {
        for listener in listeners.withLock({ $0 }) { listener.finish() }
    }

    /// The protocol view of a catalogue tool.
    package static func descriptor(for tool: Tool) -> ToolDescriptor {
        ToolDescriptor(
            name: tool.name, title: tool.title, description: tool.description, inputSchema: tool.inputSchema,
            outputSchema: tool.outputSchema, annotations: tool.annotations)
    }

    /// The current snapshot, waiting for the first catalogue when there is none yet.
    private func current() async -> Snapshot {
        if let snapshot = state.withLock({ $0.snapshot }) { return snapshot }
        return await withCheckedContinuation { continuation in
            let ready = state.withLock { state -> Snapshot? in
                if let snapshot = state.snapshot { return snapshot }
                state.waiting.append(continuation)
                return nil
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }
}
