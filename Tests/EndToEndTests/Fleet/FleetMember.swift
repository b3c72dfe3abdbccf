import Foundation
import JSON
import TestSupport
import Testing

/// One `switchyard serve` process of a fleet, driven over its pipes: calls are sent in a burst and
/// their results collected by id, every wait bounded and off the cooperative pool.
final class FleetMember: Sendable {
    /// The child process.
    let process: SwitchyardProcess

    /// Starts `switchyard serve` with `arguments` and `environment`.
    init(_ arguments: [String], environment: [String: String]) throws {
        process = try SwitchyardProcess(["serve"] + arguments, environment: environment)
    }

    /// Sends one `tools/call` per element (ids `prefix-0`, `prefix-1`, …) at once and returns the
    /// results by id; fails the test (through `#require`) when any answer is missing after `timeout`.
    func callAll(
        _ calls: [(tool: String, arguments: JSONValue)], prefix: String, timeout: Duration = .seconds(60)
    ) async throws -> [String: JSONValue] {
        let lines = calls.enumerated().map { index, call in
            JSONValue.object([
                "jsonrpc": "2.0", "id": .string("\(prefix)-\(index)"), "method": "tools/call",
                "params": ["name": .string(call.tool), "arguments": call.arguments],
            ]).encoded()
        }
        let process = process
        return try await OffPool.run { () -> Result<[String: JSONValue], FleetError> in
            process.sendRaw(Data((lines.joined(separator: "\n") + "\n").utf8))
            var results: [String: JSONValue] = [:]
            let deadline = ContinuousClock.now + timeout
            while results.count < calls.count {
                let remaining = deadline - ContinuousClock.now
                guard remaining > .zero, let line = process.nextLine(timeout: remaining) else {
                    return .failure(FleetError("\(results.count) of \(calls.count) answers: \(process.standardError)"))
                }
                guard let message = try? JSONParser.parse(line), let id = message["id"]?.stringValue,
                    id.hasPrefix(prefix + "-"), let result = message["result"]
                else { continue }
                results[id] = result
            }
            return .success(results)
        }.get()
    }

    /// One call's result.
    func call(_ tool: String, _ arguments: JSONValue, id: String) async throws -> JSONValue {
        let results = try await callAll([(tool, arguments)], prefix: id)
        return try #require(results["\(id)-0"])
    }

    /// `tools/list`'s result.
    func tools() async throws -> JSONValue {
        let process = process
        return try await OffPool.run { () -> Result<JSONValue, FleetError> in
            process.send(#"{"jsonrpc":"2.0","id":"list","method":"tools/list"}"#)
            let deadline = ContinuousClock.now + .seconds(20)
            while let line = process.nextLine(timeout: max(.zero, deadline - ContinuousClock.now)) {
                if let message = try? JSONParser.parse(line), message["id"] == "list", let result = message["result"] {
                    return .success(result)
                }
            }
            return .failure(FleetError("no tools/list answer: \(process.standardError)"))
        }.get()
    }

    /// Closes stdin and waits for the exit status.
    func finish() async -> Int32? {
        let process = process
        return await OffPool.run {
            process.closeInput()
            return process.waitForExit(timeout: .seconds(30))
        }
    }
}

/// A fleet test's failure to get what it waited for.
struct FleetError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}

extension JSONValue {
    /// The `error.type` of a tool result, `nil` for a success.
    var errorType: String? { self["structuredContent"]?["error"]?["type"]?.stringValue }
}
