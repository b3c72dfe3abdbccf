import JSON
import Synchronization
import SystemIO

/// The MCP protocol session: reads messages from a ``MessageTransport``, serves them from a
/// ``ToolHost``, and writes the answers back — legacy era (`initialize`, 2024-11-05 … 2025-11-25)
/// and modern era (stateless 2026-07-28) alike.
///
/// Every request runs in its own task, so a slow `tools/call` never delays `ping`, `tools/list`
/// or other calls; `initialize` and notifications are handled in arrival order, before any later
/// line is looked at. `notifications/cancelled` cancels the request's task (the host aborts its
/// HTTP transfer) and nothing more is ever sent for that request. On end of input the server
/// stops reading, lets every in-flight request finish and be answered, then ``run()`` returns.
///
/// With a transport that supports it, lines are handled on the transport's reading thread and
/// each request task starts there, running until its first suspension: a `tools/call` reaches
/// libcurl's thread with no hand-off to Swift's thread pool on the way, and the answer is
/// written by the pool thread that resumes it (see ``LineWriter``) — two thread hand-offs per
/// call in all.
///
/// Rendering rules live in ``ToolRenderer`` and ``ProtocolRevision``; the error codes in
/// ``RPCError``.
package final class MCPServer: Sendable {
    /// Where tools come from and calls go.
    let host: any ToolHost
    /// The message stream.
    let transport: any MessageTransport
    /// Identity, page size and cache hints.
    let configuration: ServerConfiguration
    /// Diagnostics, to stderr.
    let logger: Logger
    /// The legacy session (negotiated revision, initialized flag).
    let session = Mutex(SessionState())
    /// Requests in flight by id, for cancellation.
    let registry = RequestRegistry()
    /// Running request tasks, for draining at EOF.
    let tracker = InFlightTracker()
    /// Whether incoming lines are still served (false once reading has ended or was cancelled).
    let accepting = Atomic<Bool>(true)
    /// Questions sent to the client (`elicitation/create`) awaiting its response.
    let questions = PendingQuestions()
    /// Request state of 2026-07-28 confirmations.
    let states: ConfirmationStates
    /// Open `subscriptions/listen` streams.
    let subscriptions = SubscriptionHub()
    /// Set by ``shutDown(grace:)``.
    let shutdown = ShutdownGate()

    /// Creates a server; nothing happens until ``run()``.
    package init(
        host: any ToolHost, transport: any MessageTransport, configuration: ServerConfiguration = ServerConfiguration(),
        logger: Logger = Logger()
    ) {
        self.host = host
        self.transport = transport
        self.configuration = configuration
        self.logger = logger
        states = ConfirmationStates(
            sealer: configuration.sealer, lifetime: configuration.requestStateLifetime, now: configuration.now)
    }

    /// Serves until the input ends (then drains in-flight requests) or the output is gone (then
    /// cancels them), finishes the transport, and returns. Call once.
    ///
    /// Cancelling the task running `run()` stops reading and cancels every in-flight request
    /// (none of them is answered); `run()` then returns as soon as they have wound down.
    package func run() async {
        let changes = host.changes()
        let watcher = Task { [self] in
            for await _ in changes {
                announceToolListChanged()
                subscriptions.announce()
            }
        }
        // Lines are served on the transport's reading thread when it can (no hand-off to this
        // task per message); state changes still come through `incoming`.
        _ = transport.deliverLinesDirectly { [self] event in receive(event) }
        await withTaskCancellationHandler {
            await withTaskGroup(of: Void.self) { group in
                group.addTask { await self.readUntilDone() }
                group.addTask { await self.shutdown.wait() }
                await group.next()
                group.cancelAll()
            }
        } onCancel: {
            accepting.store(false, ordering: .sequentiallyConsistent)
            registry.cancelAll()
        }
        accepting.store(false, ordering: .sequentiallyConsistent)
        // Nothing can answer a question or read a subscription any more: calls waiting for a
        // person decline, and subscriptions end.
        questions.closeAll()
        subscriptions.closeAll()
        if let grace = shutdown.grace, !(await tracker.waitUntilIdle(for: grace)) {
            logger.warning("shutting down: aborting the requests still running after \(grace)")
            shutdown.beginAborting()
            registry.abortAll()
        }
        await tracker.waitUntilIdle()
        watcher.cancel()
        await transport.finish()
    }

    /// Handles incoming events until the input ends, the output is gone, or the task is cancelled.
    private func readUntilDone() async {
        for await event in transport.incoming {
            switch event {
            case .line, .lineTooLong:
                receive(event)
            case .inputClosed:
                logger.debug("end of input; finishing in-flight requests")
                return
            case .outputClosed:
                logger.info("the client stopped reading; cancelling in-flight requests")
                registry.cancelAll()
                return
            }
        }
        if Task.isCancelled, shutdown.grace == nil { registry.cancelAll() }
    }

    /// Stops serving (SIGTERM, SIGINT): no further line is read, in-flight requests may finish
    /// for `grace`, then those still running are aborted — their transfers cancelled — and each
    /// call is answered with an error result of type `cancelled`; then ``run()`` returns.
    package func shutDown(grace: Duration) {
        accepting.store(false, ordering: .sequentiallyConsistent)
        shutdown.request(grace: grace)
    }

    /// Serves one incoming line, or refuses one that was too long; nothing once reading has ended.
    private func receive(_ event: TransportEvent) {
        guard accepting.load(ordering: .sequentiallyConsistent) else { return }
        switch event {
        case .line(let bytes):
            handleLine(bytes)
        case .lineTooLong(let length):
            logger.warning("refused a message of \(length) bytes: longer than the maximum line size")
            let error = RPCError.invalidRequest("the message (\(length) bytes) exceeds the maximum message size")
            transport.send(OutgoingMessage.error(id: .null, error))
        case .inputClosed, .outputClosed:
            break
        }
    }

    /// Sends `notifications/tools/list_changed` when a legacy client has initialized.
    func announceToolListChanged() {
        guard session.withLock({ $0.wantsListChanged }) else { return }
        transport.send(OutgoingMessage.notification("notifications/tools/list_changed"))
    }

    /// `serverInfo` (legacy) or `_meta["io.modelcontextprotocol/serverInfo"]` (modern).
    func serverInfo(for revision: ProtocolRevision) -> JSONValue {
        var info = JSONObject()
        info["name"] = .string(configuration.name)
        info["version"] = .string(configuration.version)
        if revision.hasTitlesAndStructuredContent, let title = configuration.title { info["title"] = .string(title) }
        return .object(info)
    }
}
