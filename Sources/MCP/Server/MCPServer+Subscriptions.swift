import JSON

extension MCPServer {
    /// `subscriptions/listen` (2026-07-28): acknowledges the filter it honours — only
    /// `toolsListChanged`, the one kind of change this server has — then sends
    /// `notifications/tools/list_changed` after each reload that replaced the tool set, every
    /// message carrying the subscription id (the request's id) in `_meta`.
    ///
    /// The stream ends when the client cancels it (nothing more is sent) or when the input ends or
    /// the server stops: then it is answered with an empty `complete` result carrying the
    /// subscription id (a graceful end), followed by `notifications/cancelled` for it (see
    /// ``startRequest(_:route:collected:)``).
    func listen(_ request: RPCRequest, inFlight: InFlightRequest) async -> Result<ResultBody, RPCError> {
        guard let params = request.paramsObject else { return .failure(.invalidParams("params must be an object")) }
        guard let filter = params["notifications"]?.objectValue else {
            return .failure(.invalidParams("params.notifications must be an object"))
        }
        let wantsTools = filter["toolsListChanged"] == .bool(true)
        let (changes, token) = subscriptions.open()
        defer { subscriptions.remove(token) }
        var honoured = JSONObject()
        if wantsTools { honoured["toolsListChanged"] = true }
        let subscription: JSONObject = [MetaKey.subscriptionID: request.id]
        let acknowledgement: JSONObject = ["_meta": .object(subscription), "notifications": .object(honoured)]
        let ack = OutgoingMessage.notification(
            "notifications/subscriptions/acknowledged", params: .object(acknowledgement))
        inFlight.sendWhileRunning { transport.send(ack) }
        logger.debug("subscription \(request.id.encoded()) open (tools: \(wantsTools))")
        let changed = OutgoingMessage.notification(
            "notifications/tools/list_changed", params: .object(["_meta": .object(subscription)]))
        for await _ in changes where wantsTools {
            inFlight.sendWhileRunning { transport.send(changed) }
        }
        logger.debug("subscription \(request.id.encoded()) ended")
        return .success(ResultBody(["_meta": .object(subscription)]))
    }

    /// The `notifications/cancelled` that closes subscription `id` after its final response.
    static func subscriptionClosed(_ id: JSONValue) -> [UInt8] {
        let params: JSONObject = ["requestId": id, "reason": "the server ended the subscription"]
        return OutgoingMessage.notification("notifications/cancelled", params: .object(params))
    }
}
