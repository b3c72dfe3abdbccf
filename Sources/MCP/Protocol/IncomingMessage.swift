import JSON

/// What one JSON value read from the client is, by JSON-RPC 2.0's rules (plus MCP's: ids are
/// strings or numbers, never `null`).
enum IncomingMessage: Sendable {
    /// A request, to be answered.
    case request(RPCRequest)
    /// A notification (no `id`), never answered.
    case notification(method: String, params: JSONValue?)
    /// A response from the client to a request this server sent (`elicitation/create`): its id
    /// and its `result` or, failing that, its `error`.
    case response(id: JSONValue, outcome: Result<JSONValue, ClientError>)
    /// Not a valid message: answered with `error` under `id` (`null` when no valid id was found).
    case invalid(id: JSONValue, error: RPCError)

    /// Classifies a parsed JSON value (one element of a batch, or a whole line).
    init(_ value: JSONValue) {
        guard case .object(let object) = value else {
            self = .invalid(id: .null, error: .invalidRequest("a message must be a JSON object"))
            return
        }
        let rawID = object["id"]
        let id = rawID.flatMap(Self.validID)
        let echo = id ?? .null
        guard object["jsonrpc"] == .string("2.0") else {
            self = .invalid(id: echo, error: .invalidRequest(#"the "jsonrpc" member must be "2.0""#))
            return
        }
        guard let methodValue = object["method"] else {
            if let rawID, let result = object["result"] {
                self = .response(id: rawID, outcome: .success(result))
            } else if let rawID, let error = object["error"] {
                self = .response(id: rawID, outcome: .failure(ClientError(error)))
            } else {
                self = .invalid(id: echo, error: .invalidRequest(#"the "method" member is missing"#))
            }
            return
        }
        guard case .string(let method) = methodValue else {
            self = .invalid(id: echo, error: .invalidRequest(#"the "method" member must be a string"#))
            return
        }
        var params = object["params"]
        switch params {
        case nil, .null?: params = nil
        case .object?, .array?: break
        default:
            self = .invalid(id: echo, error: .invalidRequest(#"the "params" member must be an object or an array"#))
            return
        }
        guard let rawID else {
            self = .notification(method: method, params: params)
            return
        }
        guard let id else {
            let reason = rawID.isNull ? "must not be null" : "must be a string or a number"
            self = .invalid(id: .null, error: .invalidRequest(#"the "id" member \#(reason)"#))
            return
        }
        self = .request(RPCRequest(id: id, method: method, params: params))
    }

    /// The id when it has an allowed type (string, integer or other number), else `nil`.
    private static func validID(_ value: JSONValue) -> JSONValue? {
        switch value {
        case .string, .int, .double, .number: return value
        default: return nil
        }
    }
}

/// The `error` member of a client's error response, kept as sent.
struct ClientError: Error, Sendable, Equatable {
    /// The error object as the client wrote it.
    var value: JSONValue

    init(_ value: JSONValue) {
        self.value = value
    }
}
