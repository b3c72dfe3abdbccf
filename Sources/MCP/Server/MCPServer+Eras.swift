import JSON

extension MCPServer {
    /// Serves a legacy-era request (everything but `initialize`, which is answered on arrival).
    func serveLegacy(
        _ request: RPCRequest, revision: ProtocolRevision, inFlight: InFlightRequest
    ) async -> Result<ResultBody, RPCError> {
        switch request.method {
        case "ping":
            return .success(ResultBody([:]))
        case "tools/list":
            return await listTools(request, revision: revision).map(ResultBody.init)
        case "tools/call":
            return await callTool(request, revision: revision, inFlight: inFlight)
        case "initialize":
            // Only reachable from a batch: a lone `initialize` is answered by `initialize(_:)`.
            return .failure(.invalidRequest("initialize must not be part of a batch"))
        default:
            return .failure(.methodNotFound(request.method))
        }
    }

    /// Serves a modern-era request whose `_meta` checked out.
    ///
    /// Every result carries `resultType` (`"complete"`, or `"input_required"` for a call waiting
    /// for a person's confirmation) and the server's identity in `_meta`;
    /// `server/discover` and `tools/list` carry the cache hints `ttlMs`
    /// (``ServerConfiguration/listTTLMilliseconds``) and `cacheScope: "private"` (the tool set
    /// depends on this server's configuration and credentials). `ping`, `logging/setLevel` and
    /// `initialize` do not exist in this era and answer -32601 like any unknown method.
    func serveModern(
        _ request: RPCRequest, revision: ProtocolRevision, inFlight: InFlightRequest
    ) async -> Result<ResultBody, RPCError> {
        var result: ResultBody
        switch request.method {
        case "server/discover":
            result = ResultBody(discover())
            addCacheHints(&result.object)
        case "tools/list":
            switch await listTools(request, revision: revision) {
            case .success(let page): result = ResultBody(page)
            case .failure(let error): return .failure(error)
            }
            addCacheHints(&result.object)
        case "tools/call":
            switch await callTool(request, revision: revision, inFlight: inFlight) {
            case .success(let rendered): result = rendered
            case .failure(let error): return .failure(error)
            }
        case "subscriptions/listen":
            switch await listen(request, inFlight: inFlight) {
            case .success(let closed): result = closed
            case .failure(let error): return .failure(error)
            }
        default:
            return .failure(.methodNotFound(request.method))
        }
        if result.object["resultType"] == nil { result.object["resultType"] = "complete" }
        var meta = result.object["_meta"]?.objectValue ?? JSONObject()
        meta[MetaKey.serverInfo] = serverInfo(for: revision)
        result.object["_meta"] = .object(meta)
        return .success(result)
    }

    /// The `server/discover` body: supported modern revisions, capabilities, instructions.
    ///
    /// Capabilities are `{"tools": {"listChanged": true}}`: a client that opens
    /// `subscriptions/listen` with `toolsListChanged` hears of every live reload.
    private func discover() -> JSONObject {
        var result = JSONObject()
        result["supportedVersions"] = .array(ProtocolRevision.modern.map { .string($0.rawValue) })
        result["capabilities"] = ["tools": ["listChanged": true]]
        if let instructions = configuration.instructions { result["instructions"] = .string(instructions) }
        return result
    }

    private func addCacheHints(_ result: inout JSONObject) {
        result["ttlMs"] = .int(Int64(configuration.listTTLMilliseconds))
        result["cacheScope"] = "private"
    }
}
