import JSON

/// A well-formed JSON-RPC request: it has an id and expects exactly one response.
struct RPCRequest: Sendable {
    /// The id, echoed with its exact JSON type (a string or a number).
    var id: JSONValue
    /// The method name.
    var method: String
    /// The `params` member: an object, an array, or `nil` when absent or `null`.
    var params: JSONValue?

    /// `params` when it is an object, an empty object when absent; `nil` when it is an array.
    var paramsObject: JSONObject? {
        guard let params else { return JSONObject() }
        return params.objectValue
    }

    /// `params._meta` when present and an object.
    var meta: JSONObject? {
        params?["_meta"]?.objectValue
    }
}
