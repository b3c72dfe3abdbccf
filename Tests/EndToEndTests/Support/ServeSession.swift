import Foundation
import JSON
import TestSupport
import Testing

/// A running `switchyard serve` and a JSON-RPC conversation with it over its pipes.
///
/// Messages are read in arrival order; ``response(to:timeout:)`` skips over (and keeps) messages
/// for other ids and notifications, so a test can look at them afterwards in ``skipped``.
/// Every wait is bounded (20 s by default) and runs off the cooperative pool (``OffPool``), so
/// sessions never starve tests running beside them; a timeout fails the test through `#require`.
final class ServeSession {
    /// The child process.
    let process: SwitchyardProcess
    /// The vendor emulation the integrations point at (unless `acmeURL` said otherwise).
    let vendor: AcmeVendor
    /// The integration files being served.
    let files: VendorIntegrations
    /// Objects that must live as long as the process (e.g. another vendor it talks to).
    private let retained: [any Sendable]
    /// Messages read while looking for something else, in arrival order, not yet claimed.
    private(set) var skipped: [JSONValue] = []

    /// The default bound of every wait.
    static let timeout = Duration.seconds(20)

    /// The modern-era `_meta` of a request: protocol version 2026-07-28 and empty client capabilities.
    static let modernMeta: JSONValue = [
        "io.modelcontextprotocol/protocolVersion": "2026-07-28",
        "io.modelcontextprotocol/clientCapabilities": [:],
    ]

    /// Starts `switchyard serve` over fresh ``VendorIntegrations`` pointing at a fresh ``AcmeVendor``.
    ///
    /// - Parameters:
    ///   - options: extra command-line options after `serve --integrations DIR`.
    ///   - environment: extra environment variables, over those of ``VendorIntegrations``.
    ///   - acmeURL: where `acme` points instead of the emulation (e.g. a ``LoopbackServer`` answering ``ServerReply/stall``).
    ///   - retaining: objects kept alive as long as the session.
    ///   - extraFiles: more integration files (name → text) written beside the standard two.
    init(
        _ options: [String] = [], environment: [String: String] = [:], acmeURL: String? = nil,
        retaining: [any Sendable] = [], extraFiles: [String: String] = [:]
    ) throws {
        vendor = try AcmeVendor()
        files = try VendorIntegrations()
        retained = retaining
        for (name, text) in extraFiles { try files.directory.write(name, text) }
        var merged = files.environment(acmeURL: acmeURL ?? vendor.baseURL, betaURL: vendor.baseURL)
        for (key, value) in environment { merged[key] = value }
        process = try SwitchyardProcess(files.serveArguments(options), environment: merged)
    }

    /// Sends one raw line (a newline is appended); the write, which may wait for the server to
    /// read a large line, happens off the pool.
    func send(_ line: String) async {
        await sendRaw(Data((line + "\n").utf8))
    }

    /// Writes raw bytes to the server's standard input, off the pool.
    func sendRaw(_ data: Data) async {
        let process = process
        await OffPool.run { process.sendRaw(data) }
    }

    /// Sends one JSON value as a line.
    func send(_ value: JSONValue) async {
        await send(value.encoded())
    }

    /// Sends a request; `params` are left out when `nil`.
    func request(_ id: JSONValue, _ method: String, _ params: JSONValue? = nil) async {
        var object: JSONObject = ["jsonrpc": "2.0", "id": id, "method": .string(method)]
        if let params { object["params"] = params }
        await send(.object(object))
    }

    /// Sends a notification; `params` are left out when `nil`.
    func notify(_ method: String, _ params: JSONValue? = nil) async {
        var object: JSONObject = ["jsonrpc": "2.0", "method": .string(method)]
        if let params { object["params"] = params }
        await send(.object(object))
    }

    /// Sends a `tools/call` of `name` with `arguments`, and `_meta` when given.
    func call(_ id: JSONValue, _ name: String, _ arguments: JSONValue = [:], meta: JSONValue? = nil) async {
        var params: JSONObject = ["name": .string(name), "arguments": arguments]
        if let meta { params["_meta"] = meta }
        await request(id, "tools/call", .object(params))
    }

    /// The next raw stdout line, or `nil` on timeout or EOF; waits off the pool.
    func nextLine(timeout: Duration = ServeSession.timeout) async -> String? {
        let process = process
        return await OffPool.run { process.nextLine(timeout: timeout) }
    }

    /// The next message not yet skipped over, parsed; fails the test on timeout, EOF or bad JSON.
    func next(timeout: Duration = ServeSession.timeout) async throws -> JSONValue {
        if !skipped.isEmpty { return skipped.removeFirst() }
        let line = try #require(await nextLine(timeout: timeout), "no message within \(timeout)")
        return try JSONParser.parse(line)
    }

    /// The next message read from stdout (ignoring ``skipped``), or `nil` on timeout or EOF.
    func nextFresh(timeout: Duration = ServeSession.timeout) async throws -> JSONValue? {
        guard let line = await nextLine(timeout: timeout) else { return nil }
        return try JSONParser.parse(line)
    }

    /// The response (result or error) whose id equals `id` exactly (same JSON type), skipping others.
    func response(to id: JSONValue, timeout: Duration = ServeSession.timeout) async throws -> JSONValue {
        if let index = skipped.firstIndex(where: { Self.isResponse($0, to: id) }) {
            return skipped.remove(at: index)
        }
        let deadline = ContinuousClock.now + timeout
        while true {
            let left = ContinuousClock.now.duration(to: deadline)
            let line = try #require(
                left > .zero ? await nextLine(timeout: left) : nil, "no response to \(id.encoded())")
            let message = try JSONParser.parse(line)
            if Self.isResponse(message, to: id) { return message }
            skipped.append(message)
        }
    }

    /// Sends a request and returns its response.
    func roundTrip(_ id: JSONValue, _ method: String, _ params: JSONValue? = nil) async throws -> JSONValue {
        await request(id, method, params)
        return try await response(to: id)
    }

    /// Calls a tool and returns the response's `result` (failing the test on a JSON-RPC error).
    func callResult(_ id: JSONValue, _ name: String, _ arguments: JSONValue = [:], meta: JSONValue? = nil)
        async throws -> JSONValue
    {
        await call(id, name, arguments, meta: meta)
        let response = try await response(to: id)
        return try #require(response["result"], "no result: \(response.encoded())")
    }

    /// Initializes a legacy session with `version` and sends `notifications/initialized`.
    @discardableResult
    func initialize(_ version: String) async throws -> JSONValue {
        let params: JSONValue = [
            "protocolVersion": .string(version), "capabilities": [:],
            "clientInfo": ["name": "e2e", "version": "1.0"],
        ]
        let response = try await roundTrip("init", "initialize", params)
        await notify("notifications/initialized")
        return response
    }

    /// Waits off the pool for stderr to contain `text`.
    func waitForError(containing text: String) async -> Bool {
        let process = process
        return await OffPool.run { process.waitForError(containing: text) }
    }

    /// Closes stdin and waits for the exit status (`nil` on timeout); then checks every stdout line.
    func finish(timeout: Duration = .seconds(30)) async -> Int32? {
        let process = process
        process.closeInput()
        let status = await OffPool.run { process.waitForExit(timeout: timeout) }
        Self.expectProtocolOnly(process.allLines)
        return status
    }

    /// Expects every line to be one JSON-RPC 2.0 message (or a batch of them), nothing else.
    static func expectProtocolOnly(_ lines: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        for line in lines {
            let value = try? JSONParser.parse(line)
            let messages = value?.arrayValue ?? value.map { [$0] } ?? []
            let valid =
                !messages.isEmpty
                && messages.allSatisfy { message in
                    message["jsonrpc"] == "2.0"
                        && (message["method"]?.stringValue != nil || message["result"] != nil
                            || message["error"] != nil)
                }
            #expect(valid, "not a JSON-RPC message on stdout: \(line.prefix(300))", sourceLocation: sourceLocation)
        }
    }

    private static func isResponse(_ message: JSONValue, to id: JSONValue) -> Bool {
        message["method"] == nil && message["id"] == id
    }
}
