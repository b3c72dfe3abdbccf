import Catalog
import Engine
import Foundation
import JSON
import TestSupport
import Testing

/// A loopback vendor, an integration file pointing at it, and a real ``ToolEngine`` over the real
/// ``CurlTransport``: what a test asserts on is what actually crossed the socket.
struct EngineHarness: Sendable {
    /// The emulated vendor.
    let server: LoopbackServer
    /// The catalogue loaded from the fixture file.
    let catalog: Catalog
    /// The engine under test.
    let engine: ToolEngine

    /// Starts a vendor answering through `router`, writes and loads the integration file that
    /// `file` builds from the vendor's base URL, and creates an engine over `transport` (libcurl
    /// by default) with `makeAuth`'s providers (the static ones by default).
    init(
        router: Router, options: EngineOptions = EngineOptions(), environment: [String: String] = [:],
        transport: (any HTTPTransport)? = nil, clock: any EngineClock = SystemClock(),
        makeAuth: (@Sendable (Integration) -> any AuthProvider)? = nil, file: (String) -> String
    ) throws {
        let server = try LoopbackServer(router: router)
        do {
            catalog = try IntegrationFile.load(file(server.baseURL), environment: environment)
            let transport = try transport ?? CurlTransport()
            if let makeAuth {
                engine = ToolEngine(transport: transport, clock: clock, options: options, makeAuth: makeAuth)
            } else {
                engine = ToolEngine(transport: transport, clock: clock, options: options)
            }
        } catch {
            server.stop()
            throw error
        }
        self.server = server
    }

    /// A harness whose file has one resource with `operations` and top-level `settings`.
    init(
        router: Router, settings: String = "", options: EngineOptions = EngineOptions(),
        environment: [String: String] = [:], transport: (any HTTPTransport)? = nil,
        clock: any EngineClock = SystemClock(), makeAuth: (@Sendable (Integration) -> any AuthProvider)? = nil,
        operations: String
    ) throws {
        try self.init(
            router: router, options: options, environment: environment, transport: transport, clock: clock,
            makeAuth: makeAuth
        ) { base in
            IntegrationFile.text(baseURL: base, settings: settings, operations: operations)
        }
    }

    /// The loaded integration.
    var integration: Integration {
        get throws { try #require(catalog.integrations[IntegrationFile.name]) }
    }

    /// Calls the tool `vendor_things_<operation>` (or a full tool name) with `arguments`.
    func call(
        _ operation: String, _ arguments: JSONObject = [:],
        progress: (@Sendable (Double, Double?) async -> Void)? = nil
    ) async throws -> ToolOutcome {
        let tool = try #require(
            catalog.tool(named: operation) ?? catalog.tool(named: "\(IntegrationFile.name)_things_\(operation)"),
            "no tool \(operation)")
        return await engine.call(tool, in: try integration, arguments: arguments, progress: progress)
    }

    /// Stops the vendor.
    func stop() { server.stop() }
}
