import JSON

extension MCPServer {
    /// Handles one input line: parses it, then answers, dispatches or drops it.
    func handleLine(_ bytes: [UInt8]) {
        guard bytes.contains(where: { !Self.isWhitespace($0) }) else { return }
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            logger.warning("unparseable message (\(bytes.count) bytes): \(error)")
            transport.send(OutgoingMessage.error(id: .null, .parseError(error.description)))
            return
        }
        if case .array(let elements) = value {
            handleBatch(elements)
        } else {
            handle(IncomingMessage(value))
        }
    }

    /// Handles one classified message outside a batch.
    func handle(_ message: IncomingMessage) {
        switch message {
        case .request(let request):
            let route = route(for: request)
            if request.method == "initialize", case .legacy = route {
                initialize(request)
            } else {
                startRequest(request, route: route, collected: false)
            }
        case .notification(let method, let params):
            handleNotification(method, params: params)
        case .response(let id, let outcome):
            receiveResponse(id: id, outcome: outcome)
        case .invalid(let id, let error):
            logger.warning("invalid message: \(error.message)")
            transport.send(OutgoingMessage.error(id: id, error))
        }
    }

    /// Acts on a notification; notifications are never answered, unknown ones are ignored.
    func handleNotification(_ method: String, params: JSONValue?) {
        switch method {
        case "notifications/initialized":
            session.withLock { $0.initializedNotified = true }
        case "notifications/cancelled":
            guard let id = params?["requestId"], id.stringValue != nil || id.doubleValue != nil else {
                logger.warning("notifications/cancelled without a valid requestId")
                return
            }
            let reason = params?["reason"]?.stringValue.map { " (\($0))" } ?? ""
            if registry.cancel(id) {
                logger.info("cancelled request \(id.encoded())\(reason)")
            } else {
                logger.debug("cancellation of \(id.encoded()), which is not in flight")
            }
        default:
            logger.debug("ignored notification \(method)")
        }
    }

    /// Decides a request's era: modern when it is `server/discover` or its `params._meta` declares
    /// a protocol version; a modern request must also declare client capabilities.
    ///
    /// Checks, in order: the version key is present and a string (else -32602), the version is a
    /// modern revision this server serves (else -32022, listing ``ProtocolRevision/modern``:
    /// legacy revisions are reached through `initialize`, not per-request `_meta`), and the
    /// capabilities key is present and an object (else -32602).
    func route(for request: RPCRequest) -> Route {
        let meta = request.meta
        let declared = meta?[MetaKey.protocolVersion]
        guard request.method == "server/discover" || declared != nil else {
            return .legacy(session.withLock { $0.legacyRevision })
        }
        guard let declared else {
            return .rejected(.invalidParams(#"params._meta["\#(MetaKey.protocolVersion)"] is required"#))
        }
        guard let requested = declared.stringValue else {
            return .rejected(.invalidParams(#"params._meta["\#(MetaKey.protocolVersion)"] must be a string"#))
        }
        guard let revision = ProtocolRevision(rawValue: requested), revision.isModern else {
            let supported = ProtocolRevision.modern.map(\.rawValue)
            return .rejected(.unsupportedProtocolVersion(requested: requested, supported: supported))
        }
        guard let capabilities = meta?[MetaKey.clientCapabilities] else {
            return .rejected(.invalidParams(#"params._meta["\#(MetaKey.clientCapabilities)"] is required"#))
        }
        guard capabilities.objectValue != nil else {
            return .rejected(.invalidParams(#"params._meta["\#(MetaKey.clientCapabilities)"] must be an object"#))
        }
        return .modern(revision)
    }

    /// Answers `initialize` at once (before any later line is read), negotiating the revision.
    func initialize(_ request: RPCRequest) {
        let requested = request.params?["protocolVersion"]?.stringValue
        let revision = ProtocolRevision.negotiate(requested)
        let elicits = Self.elicitsForms(request.params?["capabilities"])
        let previous = session.withLock { state -> ProtocolRevision? in
            defer {
                state.negotiated = revision
                state.clientElicits = elicits
            }
            return state.negotiated
        }
        if previous != nil { logger.info("the client initialized again") }
        logger.info("client asked for \(requested ?? "no version"); speaking \(revision.rawValue)")
        var result = JSONObject()
        result["protocolVersion"] = .string(revision.rawValue)
        result["capabilities"] = ["tools": ["listChanged": true]]
        result["serverInfo"] = serverInfo(for: revision)
        if let instructions = configuration.instructions { result["instructions"] = .string(instructions) }
        transport.send(OutgoingMessage.result(id: request.id, .object(result)))
    }

    /// Starts a task serving `request` and registers it for cancellation.
    ///
    /// With `collected` false the task sends its response itself; with `collected` true (a batch
    /// entry) it returns the encoded response instead. Either way a cancelled request yields
    /// nothing.
    @discardableResult
    func startRequest(_ request: RPCRequest, route: Route, collected: Bool) -> Task<[UInt8]?, Never> {
        let inFlight = InFlightRequest()
        if !registry.register(request.id, inFlight) {
            logger.warning("request id \(request.id.encoded()) reused while still in flight")
        }
        tracker.begin()
        // The task starts on the calling thread (usually the transport's reading thread) and runs
        // until its first suspension — typically the vendor request going out — so a call reaches
        // the network without first waiting for a pool thread to wake.
        let task = Task.immediate { [self] () -> [UInt8]? in
            defer {
                registry.remove(request.id, inFlight)
                tracker.end()
            }
            let outcome = await serve(request, route: route, inFlight: inFlight)
            let bytes = OutgoingMessage.response(id: request.id, outcome)
            let delivered = inFlight.complete {
                if !collected { transport.send(bytes) }
            }
            if !delivered { logger.debug("dropped the response to cancelled request \(request.id.encoded())") }
            if delivered, !collected, case .modern = route, request.method == "subscriptions/listen" {
                transport.send(Self.subscriptionClosed(request.id))
            }
            return delivered && collected ? bytes : nil
        }
        inFlight.attach(task)
        return task
    }

    /// Serves a routed request.
    func serve(_ request: RPCRequest, route: Route, inFlight: InFlightRequest) async -> Result<ResultBody, RPCError> {
        switch route {
        case .rejected(let error):
            return .failure(error)
        case .legacy(let revision):
            return await serveLegacy(request, revision: revision, inFlight: inFlight)
        case .modern(let revision):
            return await serveModern(request, revision: revision, inFlight: inFlight)
        }
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
