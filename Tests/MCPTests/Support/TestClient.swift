import JSON
import MCP

/// Plays the client against an ``MCPServer`` over an ``InMemoryTransport``: sends lines, reads
/// the server's messages (parsed) in order, and closes the input to end the run.
final class TestClient: Sendable {
    /// The transport between the test and the server.
    let transport = InMemoryTransport()
    /// The tools behind the server.
    let host: ScriptedHost
    private let inbox = Inbox<JSONValue>()
    private let running: Task<Void, Never>

    /// Starts a server over `host`.
    init(host: ScriptedHost = ScriptedHost(), configuration: ServerConfiguration = ServerConfiguration()) {
        self.host = host
        let server = MCPServer(
            host: host, transport: transport, configuration: configuration, logger: .silent)
        running = Task { await server.run() }
        let (transport, inbox) = (transport, inbox)
        Task {
            for await line in transport.sentLines {
                inbox.append(
                    (try? JSONParser.parse(line)) ?? .string("UNPARSEABLE: \(String(decoding: line, as: UTF8.self))"))
            }
            inbox.finish()
        }
    }

    /// Sends one raw line.
    func send(_ line: String) {
        transport.push(line)
    }

    /// Sends one raw line of bytes.
    func send(bytes: [UInt8]) {
        transport.push(bytes)
    }

    /// Sends one JSON message.
    func send(_ message: JSONValue) {
        transport.push(message.encoded())
    }

    /// The next message from the server; throws when none arrives within ``eventTimeout``.
    func next() async throws -> JSONValue {
        let inbox = self.inbox
        guard let message = await withTimeout({ await inbox.next() }) else { throw TimedOut(what: "a message") }
        return message
    }

    /// Sends a request and returns the next message (use when nothing else is in flight).
    func request(_ id: JSONValue, _ method: String, _ params: JSONValue? = nil) async throws -> JSONValue {
        send(Self.request(id, method, params))
        return try await next()
    }

    /// Performs `initialize` (and `notifications/initialized` when `notify`) for `version`.
    @discardableResult
    func initialize(_ version: String, notify: Bool = true) async throws -> JSONValue {
        let response = try await request(
            0, "initialize",
            ["protocolVersion": .string(version), "capabilities": [:], "clientInfo": ["name": "test", "version": "1"]])
        if notify { send(["jsonrpc": "2.0", "method": "notifications/initialized"]) }
        return response
    }

    /// Ends the input, waits for the server to return, and gives every message not yet read.
    func close() async throws -> [JSONValue] {
        transport.closeInput()
        let running = self.running
        guard await withTimeout({ await running.value }) != nil else { throw TimedOut(what: "the server to stop") }
        var rest: [JSONValue] = []
        while let message = await inbox.next() { rest.append(message) }
        return rest
    }

    /// Cancels the task running the server and waits (bounded) for `run()` to return.
    func cancelServer() async throws {
        running.cancel()
        let running = self.running
        guard await withTimeout({ await running.value }) != nil else { throw TimedOut(what: "the server to stop") }
    }

    /// A request message.
    static func request(_ id: JSONValue, _ method: String, _ params: JSONValue? = nil) -> JSONValue {
        var object = JSONObject()
        object["jsonrpc"] = "2.0"
        object["id"] = id
        object["method"] = .string(method)
        if let params { object["params"] = params }
        return .object(object)
    }

    /// `_meta` of a well-formed modern request, merged into `params`.
    static func modern(
        _ params: JSONValue = [:], version: String = "2026-07-28", progressToken: JSONValue? = nil
    ) -> JSONValue {
        var params = params.objectValue ?? JSONObject()
        var meta = JSONObject()
        meta["io.modelcontextprotocol/protocolVersion"] = .string(version)
        meta["io.modelcontextprotocol/clientCapabilities"] = [:]
        if let progressToken { meta["progressToken"] = progressToken }
        params["_meta"] = .object(meta)
        return .object(params)
    }
}
