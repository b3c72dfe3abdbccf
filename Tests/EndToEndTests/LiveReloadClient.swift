import Foundation
import JSON
import Synchronization
import TestSupport

/// An MCP client driving `switchyard serve` over its pipes, for the live-reload, audit and OAuth
/// end-to-end tests: it sends requests and waits, with a bounded timeout, for the message it wants
/// — keeping every other message (notifications, other responses) for later questions.
final class LiveReloadClient: Sendable {
    /// The server process.
    let process: SwitchyardProcess
    private let backlog = Mutex<[JSONValue]>([])

    /// Starts `switchyard serve` with `arguments` and `environment`.
    init(_ arguments: [String], environment: [String: String] = [:]) throws {
        process = try SwitchyardProcess(["serve"] + arguments, environment: environment)
    }

    /// Sends one message.
    func send(_ message: JSONValue) {
        process.send(message.encoded())
    }

    /// The first message (already received or arriving within `timeout`) that matches, removed from
    /// the backlog; `nil` on timeout or end of output.
    func message(timeout: Duration = .seconds(30), where matches: (JSONValue) -> Bool) -> JSONValue? {
        if let found = takeFromBacklog(matches) { return found }
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            guard let line = process.nextLine(timeout: deadline - ContinuousClock.now) else { return nil }
            guard let message = try? JSONParser.parse(line) else { continue }
            if matches(message) { return message }
            backlog.withLock { $0.append(message) }
        }
        return nil
    }

    /// Sends a request and waits for its response.
    func request(
        _ id: Int, _ method: String, _ params: JSONObject = [:], timeout: Duration = .seconds(30)
    ) -> JSONValue? {
        send(["jsonrpc": "2.0", "id": .int(Int64(id)), "method": .string(method), "params": .object(params)])
        return response(to: id, timeout: timeout)
    }

    /// Waits for the response to request `id`.
    func response(to id: Int, timeout: Duration = .seconds(30)) -> JSONValue? {
        message(timeout: timeout) { $0["id"] == .int(Int64(id)) && $0["method"] == nil }
    }

    /// `initialize` (legacy `version`) followed by `notifications/initialized`.
    @discardableResult
    func initialize(id: Int = 1, version: String = "2025-06-18") -> JSONValue? {
        let result = request(
            id, "initialize",
            [
                "protocolVersion": .string(version), "capabilities": [:],
                "clientInfo": ["name": "e2e", "version": "1.0"],
            ])
        send(["jsonrpc": "2.0", "method": "notifications/initialized"])
        return result
    }

    /// The tool names of `tools/list` (a modern-era request when `modern`), or `nil` without an answer.
    func toolNames(id: Int, modern: Bool = false) -> [String]? {
        let response = request(id, "tools/list", modern ? Self.modernMeta : [:])
        return response?["result"]?["tools"]?.arrayValue?.compactMap { $0["name"]?.stringValue }
    }

    /// Sends `tools/call` without waiting.
    func startCall(id: Int, _ name: String, _ arguments: JSONObject = [:]) {
        send([
            "jsonrpc": "2.0", "id": .int(Int64(id)), "method": "tools/call",
            "params": ["name": .string(name), "arguments": .object(arguments)],
        ])
    }

    /// `tools/call` and its response.
    func call(id: Int, _ name: String, _ arguments: JSONObject = [:], timeout: Duration = .seconds(30)) -> JSONValue? {
        startCall(id: id, name, arguments)
        return response(to: id, timeout: timeout)
    }

    /// Waits for `notifications/tools/list_changed`.
    func listChanged(timeout: Duration = .seconds(30)) -> Bool {
        message(timeout: timeout) { $0["method"] == "notifications/tools/list_changed" } != nil
    }

    /// Whether a `notifications/tools/list_changed` has arrived and not been taken yet (without waiting).
    var hasPendingListChanged: Bool {
        backlog.withLock { $0.contains { $0["method"] == "notifications/tools/list_changed" } }
    }

    /// Closes stdin and waits for the exit status.
    func finish() -> Int32? {
        process.closeInput()
        return process.waitForExit()
    }

    /// The `_meta` of a modern-era (2026-07-28) request.
    static let modernMeta: JSONObject = [
        "_meta": [
            "io.modelcontextprotocol/protocolVersion": "2026-07-28",
            "io.modelcontextprotocol/clientCapabilities": [:],
        ]
    ]

    private func takeFromBacklog(_ matches: (JSONValue) -> Bool) -> JSONValue? {
        backlog.withLock { backlog in
            guard let index = backlog.firstIndex(where: matches) else { return nil }
            return backlog.remove(at: index)
        }
    }
}
