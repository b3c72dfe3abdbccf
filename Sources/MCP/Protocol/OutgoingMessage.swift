import JSON

/// Encodes the messages the server writes: responses, error responses, notifications, batches.
///
/// Members are written in a fixed order (`jsonrpc`, `id`, then `result` or `error`), compact,
/// on one line (JSON escaping leaves no raw newline).
enum OutgoingMessage {
    /// A success response.
    static func result(id: JSONValue, _ result: JSONValue) -> [UInt8] {
        var writer = JSONWriter(reserving: 512)
        writer.writeRaw(#"{"jsonrpc":"2.0","id":"#.utf8)
        writer.write(id)
        writer.writeRaw(#","result":"#.utf8)
        writer.write(result)
        writer.writeRaw("}".utf8)
        return writer.bytes
    }

    /// An error response.
    static func error(id: JSONValue, _ error: RPCError) -> [UInt8] {
        var writer = JSONWriter(reserving: 256)
        writer.writeRaw(#"{"jsonrpc":"2.0","id":"#.utf8)
        writer.write(id)
        writer.writeRaw(#","error":"#.utf8)
        writer.write(error.json)
        writer.writeRaw("}".utf8)
        return writer.bytes
    }

    /// A success response whose result may hold a tool result (see ``ResultBody``).
    static func result(id: JSONValue, body: ResultBody) -> [UInt8] {
        var writer = JSONWriter(reserving: 512 + (body.toolResult?.knownStructuredSize ?? 0) * 5 / 2)
        writer.writeRaw(#"{"jsonrpc":"2.0","id":"#.utf8)
        writer.write(id)
        writer.writeRaw(#","result":"#.utf8)
        body.write(into: &writer)
        writer.writeRaw("}".utf8)
        return writer.bytes
    }

    /// A response carrying either outcome.
    static func response(id: JSONValue, _ outcome: Result<ResultBody, RPCError>) -> [UInt8] {
        switch outcome {
        case .success(let body): return result(id: id, body: body)
        case .failure(let failure): return error(id: id, failure)
        }
    }

    /// A request from the server (legacy era only: `elicitation/create`).
    static func request(id: JSONValue, method: String, params: JSONValue) -> [UInt8] {
        var writer = JSONWriter(reserving: 512)
        writer.writeRaw(#"{"jsonrpc":"2.0","id":"#.utf8)
        writer.write(id)
        writer.writeRaw(#","method":"#.utf8)
        writer.writeString(method)
        writer.writeRaw(#","params":"#.utf8)
        writer.write(params)
        writer.writeRaw("}".utf8)
        return writer.bytes
    }

    /// A notification, with `params` when given.
    static func notification(_ method: String, params: JSONValue? = nil) -> [UInt8] {
        var writer = JSONWriter(reserving: 128)
        writer.writeRaw(#"{"jsonrpc":"2.0","method":"#.utf8)
        writer.writeString(method)
        if let params {
            writer.writeRaw(#","params":"#.utf8)
            writer.write(params)
        }
        writer.writeRaw("}".utf8)
        return writer.bytes
    }

    /// A batch response: the already encoded responses as one JSON array.
    static func batch(_ responses: [[UInt8]]) -> [UInt8] {
        var writer = JSONWriter(reserving: responses.reduce(2) { $0 + $1.count + 1 })
        writer.writeRaw("[".utf8)
        for (offset, response) in responses.enumerated() {
            if offset > 0 { writer.writeRaw(",".utf8) }
            writer.writeRaw(response)
        }
        writer.writeRaw("]".utf8)
        return writer.bytes
    }
}
