import JSON
import Synchronization

extension MCPServer {
    /// `tools/list`: one page of the host's tools, rendered for `revision`, with `nextCursor`
    /// when more follow. A cursor that is not a string or not one this server issued is -32602.
    func listTools(_ request: RPCRequest, revision: ProtocolRevision) async -> Result<JSONObject, RPCError> {
        guard let params = request.paramsObject else { return .failure(.invalidParams("params must be an object")) }
        var offset = 0
        if let value = params["cursor"] {
            guard let cursor = value.stringValue,
                let decoded = ToolListCursor.decode(cursor, with: configuration.sealer)
            else {
                return .failure(.invalidParams("invalid cursor"))
            }
            offset = decoded
        }
        let tools = await host.tools()
        let start = min(offset, tools.count)
        let end = start + min(configuration.pageSize, tools.count - start)
        var result = JSONObject()
        result["tools"] = .array(tools[start..<end].map { ToolRenderer.tool($0, for: revision) })
        if end < tools.count {
            result["nextCursor"] = .string(ToolListCursor.encode(offset: end, with: configuration.sealer))
        }
        return .success(result)
    }

    /// `tools/call`: checks `name` (a string) and `arguments` (an object when present), runs the
    /// host with a progress reporter when `_meta.progressToken` was given, a way to ask for
    /// confirmation fitting the era (see ``legacyConfirmation(revision:)`` and
    /// ``modernConfirmation(_:params:tool:arguments:)``) and the request's trace context, and
    /// renders the result for `revision` — `input_required` when a 2026-07-28 call waits for a
    /// person. A tool the host does not know, or a bad `requestState`, is -32602.
    func callTool(
        _ request: RPCRequest, revision: ProtocolRevision, inFlight: InFlightRequest
    ) async -> Result<ResultBody, RPCError> {
        guard let params = request.paramsObject else { return .failure(.invalidParams("params must be an object")) }
        guard let name = params["name"]?.stringValue else {
            return .failure(.invalidParams("params.name must be a string"))
        }
        var arguments = JSONObject()
        if let value = params["arguments"] {
            guard let object = value.objectValue else {
                return .failure(.invalidParams("params.arguments must be an object"))
            }
            arguments = object
        }
        var context = ToolCallContext(
            progress: progressReporter(for: request, inFlight: inFlight), revision: revision)
        if revision.isModern {
            switch modernConfirmation(request, params: params, tool: name, arguments: arguments) {
            case .success(let confirm): context.confirm = confirm
            case .failure(let error): return .failure(error)
            }
        } else {
            context.confirm = legacyConfirmation(revision: revision)
        }
        // A question deferred to the client (2026-07-28 `input_required`) is noted here on its way to the host.
        let deferred = Mutex<ConfirmationPrompt?>(nil)
        if let ask = context.confirm {
            context.confirm = { prompt in
                let decision = await ask(prompt)
                if decision == .deferred { deferred.withLock { $0 = prompt } }
                return decision
            }
        }
        if let traceparent = request.meta?[MetaKey.traceparent]?.stringValue {
            context.trace = RequestTrace(
                traceparent: traceparent, tracestate: request.meta?[MetaKey.tracestate]?.stringValue)
        }
        guard var result = await host.call(name, arguments: arguments, context: context) else {
            return .failure(.invalidParams("Unknown tool: \(name)"))
        }
        if result.isError, shutdown.isAborting, Task.isCancelled { result = Self.shuttingDown }
        if revision.isModern, let prompt = deferred.withLock({ $0 }) { return .success(inputRequired(prompt)) }
        return .success(ToolRenderer.callResultBody(result, for: revision))
    }

    /// The answer of a call aborted because the server is shutting down.
    static let shuttingDown = ToolResult(
        text: "cancelled: server shutting down; the call may not have completed, check before retrying",
        structuredContent: [
            "error": [
                "type": "cancelled",
                "message": "server shutting down; the call may not have completed, check before retrying",
                "retryable": true,
            ]
        ], isError: true)

    /// A closure sending `notifications/progress` under the request's progress token, or `nil`
    /// when the request carries none. Reports are sent only while the request is running and
    /// only when progress increases.
    private func progressReporter(
        for request: RPCRequest, inFlight: InFlightRequest
    ) -> (@Sendable (Double, Double?) async -> Void)? {
        guard let token = request.meta?[MetaKey.progressToken], token.stringValue != nil || token.doubleValue != nil
        else { return nil }
        let transport = self.transport
        return { progress, total in
            var params = JSONObject()
            params["progressToken"] = token
            params["progress"] = Self.number(progress)
            if let total { params["total"] = Self.number(total) }
            let bytes = OutgoingMessage.notification("notifications/progress", params: .object(params))
            inFlight.reportProgress(progress) { transport.send(bytes) }
        }
    }

    /// A number as JSON, written as an integer when it is one.
    private static func number(_ value: Double) -> JSONValue {
        if value.isFinite, value.rounded() == value, abs(value) < 9_007_199_254_740_992 {
            return .int(Int64(value))
        }
        return .double(value)
    }
}
