import JSON

/// A scripted MCP client over a ``SwitchyardProcess``: each request is sent only after the
/// previous one was answered, so a transcript records one exchange after another.
package final class ScriptedClient {
    private let process: SwitchyardProcess
    private let timeout: Duration
    private var nextID: Int64 = 1

    /// Every notification the server sent (progress, list changes), in order.
    package private(set) var notifications: [JSONValue] = []

    /// Drives `process`; `timeout` bounds the wait for each server line.
    package init(process: SwitchyardProcess, timeout: Duration = .seconds(60)) {
        self.process = process
        self.timeout = timeout
    }

    /// Sends a request and returns its response, reading the notifications that come before it.
    @discardableResult
    package func request(_ method: String, params: JSONValue? = nil) throws -> JSONValue {
        let id = JSONValue.int(nextID)
        nextID += 1
        var message: JSONObject = ["jsonrpc": "2.0", "id": id, "method": .string(method)]
        if let params { message["params"] = params }
        process.send(JSONValue.object(message).encoded())
        return try response(to: id)
    }

    /// `initialize` with a protocol revision, followed by `notifications/initialized`.
    @discardableResult
    package func initialize(revision: String = "2025-06-18") throws -> JSONValue {
        let response = try request(
            "initialize",
            params: [
                "protocolVersion": .string(revision), "capabilities": [:],
                "clientInfo": ["name": "session-recorder", "version": "1.0"],
            ])
        notify("notifications/initialized")
        return response
    }

    /// Sends a notification (nothing is answered).
    package func notify(_ method: String, params: JSONValue? = nil) {
        var message: JSONObject = ["jsonrpc": "2.0", "method": .string(method)]
        if let params { message["params"] = params }
        process.send(JSONValue.object(message).encoded())
    }

    /// `tools/call`; returns the call's `result`. `meta` becomes `params._meta` (a progress token,
    /// or the modern era's protocol keys).
    @discardableResult
    package func callTool(_ name: String, _ arguments: JSONObject, meta: JSONObject? = nil) throws -> JSONValue {
        var params: JSONObject = ["name": .string(name), "arguments": .object(arguments)]
        if let meta { params["_meta"] = .object(meta) }
        let response = try request("tools/call", params: .object(params))
        guard let result = response["result"] else {
            throw SessionFixtureError("tools/call \(name) answered with an error: \(response.encoded())")
        }
        return result
    }

    /// Sends a line as is and returns the next `responses` lines.
    @discardableResult
    package func send(raw line: String, responses: Int) throws -> [String] {
        process.send(line)
        return try (0..<responses).map { _ in try nextLine() }
    }

    private func response(to id: JSONValue) throws -> JSONValue {
        while true {
            let line = try nextLine()
            let message = try JSONParser.parse(line)
            if message["id"] == id, message["method"] == nil { return message }
            if message["method"] != nil, message["id"] == nil {
                notifications.append(message)
                continue
            }
            throw SessionFixtureError("unexpected line while waiting for the answer to \(id.encoded()): \(line)")
        }
    }

    private func nextLine() throws -> String {
        guard let line = process.nextLine(timeout: timeout) else {
            throw SessionFixtureError("no answer within \(timeout); stderr: \(process.standardError)")
        }
        return line
    }
}
