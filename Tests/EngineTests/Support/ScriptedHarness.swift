import Catalog
import Engine
import JSON
import TestSupport
import Testing

/// An integration file loaded for real and a real ``ToolEngine`` over a ``ScriptedTransport`` and
/// a ``ManualClock``: the engine's rules observed in virtual time, with no socket and no real wait.
struct ScriptedHarness: Sendable {
    /// The base URL of the scripted vendor (never contacted).
    static let baseURL = "https://vendor.test"

    /// The in-memory vendor.
    let transport: ScriptedTransport
    /// The clock the engine and the vendor share.
    let clock: ManualClock
    /// The catalogue loaded from the fixture file.
    let catalog: Catalog
    /// The engine under test.
    let engine: ToolEngine

    /// A harness whose file has one resource with `operations` and top-level `settings`, answered by `script`.
    init(
        settings: String = "", clock: ManualClock = ManualClock(), operations: String,
        script: @escaping @Sendable (ScriptedTransport.Incoming) -> ScriptedTransport.Reply
    ) throws {
        self.clock = clock
        transport = ScriptedTransport(clock: clock, script: script)
        catalog = try IntegrationFile.load(
            IntegrationFile.text(baseURL: Self.baseURL, settings: settings, operations: operations))
        engine = ToolEngine(transport: transport, clock: clock)
    }

    /// The loaded integration.
    var integration: Integration {
        get throws { try #require(catalog.integrations[IntegrationFile.name]) }
    }

    /// Calls the tool `vendor_things_<operation>` (or a full tool name) with `arguments`.
    func call(_ operation: String, _ arguments: JSONObject = [:]) async throws -> ToolOutcome {
        let tool = try #require(
            catalog.tool(named: operation) ?? catalog.tool(named: "\(IntegrationFile.name)_things_\(operation)"),
            "no tool \(operation)")
        return await engine.call(tool, in: try integration, arguments: arguments)
    }

    /// The virtual seconds between two requests' arrival.
    static func gap(_ first: ScriptedTransport.Incoming, _ second: ScriptedTransport.Incoming) -> Double {
        ManualClock.seconds(second.at - first.at)
    }
}
