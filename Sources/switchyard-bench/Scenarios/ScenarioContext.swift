import Engine
import Foundation
import JSON
import LoopbackHTTP

/// What every scenario needs: the binary under test, the loopback vendor, the integration files,
/// the iteration plan, and the in-process transport the floors are measured with.
struct ScenarioContext: Sendable {
    /// The release `switchyard` binary.
    let binary: String
    /// The loopback vendor.
    let vendor: VendorEmulation
    /// The integration sets.
    let fixtures: IntegrationFixtures
    /// How often each scenario repeats.
    let plan: IterationPlan
    /// The floors' HTTP client: Engine's libcurl transport, which reuses connections.
    let direct: DirectFetcher
    /// `HOME` and the state directory of every launched server.
    let home: ScratchDirectory

    /// The `initialize` params every session sends (the newest legacy revision renders every field).
    static let initializeParams =
        #"{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"switchyard-bench","version":"1"}}"#

    /// Launches `switchyard serve` over one integrations path, without any handshake.
    func launch(integrations: String, environment: [String: String], arguments: [String] = []) throws -> RPCClient {
        var full = ["PATH": "/usr/bin:/bin", "HOME": home.path]
        full.merge(environment) { _, new in new }
        return try RPCClient(
            executable: binary,
            arguments: ["serve", "--integrations", integrations, "--state-dir", home.path + "/state"] + arguments,
            environment: full)
    }

    /// Launches a server over the shipped integrations (every variable set), without any handshake.
    func launchShipped() throws -> RPCClient {
        try launch(integrations: fixtures.shippedDirectory, environment: fixtures.shippedEnvironment)
    }

    /// Launches a server over the `bench` integration and completes the handshake.
    func serveBench(arguments: [String] = []) throws -> RPCClient {
        try handshake(
            launch(integrations: fixtures.bench.path, environment: fixtures.benchEnvironment, arguments: arguments))
    }

    /// Sends `initialize` and `notifications/initialized`; returns the client once the server answered.
    func handshake(_ client: RPCClient) throws -> RPCClient {
        let (response, _) = try client.roundTrip("initialize", params: Self.initializeParams)
        guard Self.parse(response)["result"]?["protocolVersion"] != nil else {
            throw BenchError("initialize failed: \(response.text.prefix(500))")
        }
        client.notify("notifications/initialized")
        return client
    }

    /// A `tools/call` params object.
    static func callParams(_ tool: String, _ arguments: String) -> String {
        #"{"name":"\#(tool)","arguments":\#(arguments)}"#
    }

    /// A response line as JSON (`null` when it does not parse).
    static func parse(_ arrival: ResponseInbox.Arrival) -> JSONValue {
        (try? JSONParser.parse(arrival.line)) ?? .null
    }

    /// Checks that a `tools/call` response is a successful tool result; throws with the line otherwise.
    static func expectSuccess(_ arrival: ResponseInbox.Arrival, _ what: String) throws {
        let result = parse(arrival)["result"]
        guard result?["isError"] == .bool(false) else {
            throw BenchError("\(what) did not succeed: \(arrival.text.prefix(800))")
        }
    }
}
