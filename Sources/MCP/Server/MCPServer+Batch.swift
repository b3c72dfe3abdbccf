import JSON

extension MCPServer {
    /// Handles a top-level JSON array.
    ///
    /// Batches exist only in revision 2025-03-26: under any other (or before `initialize`) the
    /// whole array is refused with one -32600 (id `null`). An empty batch is -32600 too.
    /// Otherwise each entry is handled as on its own line — requests run concurrently,
    /// notifications take effect at once, `initialize` is refused — and one array of the
    /// responses, in request order and without entries for notifications or cancelled requests,
    /// is sent when all are done (nothing at all when no entry needs an answer).
    func handleBatch(_ elements: [JSONValue]) {
        guard session.withLock({ $0.negotiated?.acceptsBatches ?? false }) else {
            logger.warning("refused a JSON-RPC batch (accepted only under protocol revision 2025-03-26)")
            let error = RPCError.invalidRequest("JSON-RPC batches are accepted only under protocol revision 2025-03-26")
            transport.send(OutgoingMessage.error(id: .null, error))
            return
        }
        guard !elements.isEmpty else {
            transport.send(OutgoingMessage.error(id: .null, .invalidRequest("the batch is empty")))
            return
        }
        var parts: [BatchPart] = []
        for element in elements {
            switch IncomingMessage(element) {
            case .request(let request):
                parts.append(.pending(startRequest(request, route: route(for: request), collected: true)))
            case .notification(let method, let params):
                handleNotification(method, params: params)
            case .response:
                logger.debug("ignored a response from the client in a batch")
            case .invalid(let id, let error):
                parts.append(.ready(OutgoingMessage.error(id: id, error)))
            }
        }
        guard !parts.isEmpty else { return }
        tracker.begin()
        Task { [self] in
            defer { tracker.end() }
            var responses: [[UInt8]] = []
            for part in parts {
                switch part {
                case .ready(let bytes): responses.append(bytes)
                case .pending(let task): if let bytes = await task.value { responses.append(bytes) }
                }
            }
            if !responses.isEmpty { transport.send(OutgoingMessage.batch(responses)) }
        }
    }
}
