import JSON

/// A JSON-RPC error response's `error` member: a code, a one-sentence message, optional data.
package struct RPCError: Error, Sendable, Equatable {
    /// The numeric code (`-32700`, `-32600`, …).
    package var code: Int
    /// A short human message.
    package var message: String
    /// Extra machine-readable detail, if any.
    package var data: JSONValue?

    /// Creates an error.
    package init(code: Int, message: String, data: JSONValue? = nil) {
        self.code = code
        self.message = message
        self.data = data
    }

    /// `-32700`: the line is not JSON (or not UTF-8).
    package static let parseErrorCode = -32700
    /// `-32600`: the JSON is not a valid request object.
    package static let invalidRequestCode = -32600
    /// `-32601`: no such method (in this era).
    package static let methodNotFoundCode = -32601
    /// `-32602`: the method's parameters are wrong (including an unknown tool).
    package static let invalidParamsCode = -32602
    /// `-32603`: the server failed unexpectedly.
    package static let internalErrorCode = -32603
    /// `-32022`: the request's modern protocol version is not supported.
    package static let unsupportedProtocolVersionCode = -32022

    /// A parse error; `detail` says what and where.
    package static func parseError(_ detail: String) -> RPCError {
        RPCError(code: parseErrorCode, message: "Parse error: \(detail)")
    }

    /// An invalid request; `detail` says why.
    package static func invalidRequest(_ detail: String) -> RPCError {
        RPCError(code: invalidRequestCode, message: "Invalid request: \(detail)")
    }

    /// An unknown method.
    package static func methodNotFound(_ method: String) -> RPCError {
        RPCError(code: methodNotFoundCode, message: "Method not found: \(method)")
    }

    /// Invalid parameters; `detail` says which and why.
    package static func invalidParams(_ detail: String) -> RPCError {
        RPCError(code: invalidParamsCode, message: "Invalid params: \(detail)")
    }

    /// An internal error.
    package static func internalError(_ detail: String) -> RPCError {
        RPCError(code: internalErrorCode, message: "Internal error: \(detail)")
    }

    /// An unsupported modern protocol version, listing what is supported.
    package static func unsupportedProtocolVersion(requested: String, supported: [String]) -> RPCError {
        RPCError(
            code: unsupportedProtocolVersionCode, message: "Unsupported protocol version",
            data: ["supported": .array(supported.map(JSONValue.string)), "requested": .string(requested)])
    }

    /// The error as the JSON object sent on the wire.
    package var json: JSONValue {
        var object = JSONObject()
        object["code"] = .int(Int64(code))
        object["message"] = .string(message)
        if let data { object["data"] = data }
        return .object(object)
    }
}
