import Engine
import Foundation
import JSON
import TestSupport
import Testing

/// An operation's own request budget (its `rate_limit`, a vendor's per-method limit such as
/// Slack's on `conversations.history`), observed at a scripted vendor in virtual time.
@Suite struct OperationBudgetTests {
    /// A cursor-paged list of two items a page (ten in all) with its own budget of one request a
    /// minute, and a get without one.
    static let operations = #"""
        "list": {"request": "GET /v1/things", "description": "List the vendor's things, two a page.",
                 "rate_limit": {"requests": 1, "per_seconds": 60},
                 "pagination": {"style": "cursor", "records": "/items",
                                "cursor": {"param": "cursor", "from": "/next"}}},
        "get": {"request": "GET /v1/things/{id}", "description": "Fetch one thing of the vendor by id.",
                "parameters": {"id": {"in": "path", "type": "string", "description": "Id."}}}
        """#

    /// Page `n` of the list (the n-th request to it): items 2n-1 and 2n, and a cursor until the fifth.
    static func harness(clock: ManualClock = ManualClock()) throws -> ScriptedHarness {
        try ScriptedHarness(clock: clock, operations: operations) { request in
            guard request.path == "/v1/things" else { return .json(#"{"id": "one"}"#) }
            let page = request.sequence
            let next = page < 5 ? #", "next": "c\#(page)""# : ""
            return .json(#"{"items": [{"id": \#(2 * page - 1)}, {"id": \#(2 * page)}]\#(next)}"#)
        }
    }

    static func ids(_ outcome: ToolOutcome) -> [Int64] {
        outcome.structured?["items"]?.arrayValue?.compactMap { $0["id"]?.intValue } ?? []
    }

    @Test(
        "a second call inside the window is refused unsent with the wait, other tools go on, and the next window allows it"
    )
    func refusesInsideWindow() async throws {
        let harness = try Self.harness()
        let first = try await harness.call("list", ["limit": 2])
        #expect(Self.ids(first) == [1, 2])

        let refused = try await harness.call("list", ["limit": 2])
        #expect(refused.error?.type == .rateLimited)
        #expect(refused.error?.message.contains("vendor_things_list's own request budget (1 per 60 s)") == true)
        let wait = try #require(refused.error?.retryAfterSeconds)
        #expect(wait > 59 && wait <= 60)
        #expect(harness.transport.requests.count == 1)

        let other = try await harness.call("get", ["id": "one"])
        #expect(!other.isError)
        #expect(harness.transport.requests.count == 2)

        harness.clock.advance(by: .seconds(60))
        // (The scripted vendor answers by request count: this third request reads its page 2.)
        let later = try await harness.call("list", ["limit": 2])
        #expect(!later.isError, "\(later.text)")
        #expect(Self.ids(later) == [3, 4])
        #expect(harness.transport.requests.filter { $0.path == "/v1/things" }.count == 2)
    }

    @Test(
        "a walk the budget stops keeps its items, and its cursor resumes after the wait with nothing lost or repeated")
    func pausedWalkResumes() async throws {
        let harness = try Self.harness()
        var seen: [Int64] = []
        var arguments: JSONObject = ["limit": 10]
        var calls = 0
        while true {
            calls += 1
            let outcome = try await harness.call("list", arguments)
            #expect(!outcome.isError, "\(outcome.text)")
            seen += Self.ids(outcome)
            guard outcome.structured?["has_more"] == true else { break }
            let cursor = try #require(outcome.structured?["next_cursor"]?.stringValue)
            #expect(outcome.structured?["notice"]?.stringValue?.contains("next_cursor in about 60 s") == true)
            #expect(outcome.structured?["retry_after_seconds"]?.doubleValue == 60)
            arguments["next_cursor"] = .string(cursor)
            harness.clock.advance(by: .seconds(60))
            if calls > 10 { break }
        }
        #expect(seen == Array(1...10))
        #expect(calls == 5)
        #expect(harness.transport.requests.count == 5)
    }

    @Test("two tools' budgets are kept apart")
    func perTool() async throws {
        let operations = Self.operations.replacingOccurrences(
            of: #""get": {"#, with: #""get": {"rate_limit": {"requests": 1, "per_seconds": 60}, "#)
        let harness = try ScriptedHarness(operations: operations) { _ in .json(#"{"id": "one", "items": []}"#) }
        #expect(!(try await harness.call("list", ["limit": 2])).isError)
        #expect(!(try await harness.call("get", ["id": "one"])).isError)
        #expect((try await harness.call("get", ["id": "two"])).error?.type == .rateLimited)
        #expect(harness.transport.requests.count == 2)
    }
}

/// An operation's own budget shared by two engines (two processes of a fleet) through a real Redis.
@Suite struct SharedOperationBudgetTests {
    @Test("with a shared store, a second process finds the tool's own budget already spent")
    func sharedThroughRedis() async throws {
        let server = try await RedisServer.launch()
        defer { server.kill() }
        let catalog = try IntegrationFile.load(
            IntegrationFile.text(baseURL: ScriptedHarness.baseURL, operations: OperationBudgetTests.operations))
        let integration = try #require(catalog.integrations[IntegrationFile.name])
        let list = try #require(catalog.tool(named: "vendor_things_list"))
        let get = try #require(catalog.tool(named: "vendor_things_get"))
        var engines: [(ToolEngine, ScriptedTransport)] = []
        for _ in 0..<2 {
            let clock = ManualClock()
            let transport = ScriptedTransport(clock: clock) { _ in .json(#"{"id": "one", "items": [{"id": 1}]}"#) }
            var options = EngineOptions()
            options.stateStore = RedisStateStore(endpoint: try RedisEndpoint(url: server.url()))
            engines.append((ToolEngine(transport: transport, clock: clock, options: options), transport))
        }
        let first = await engines[0].0.call(list, in: integration, arguments: ["limit": 1])
        #expect(!first.isError, "\(first.text)")
        let second = await engines[1].0.call(list, in: integration, arguments: ["limit": 1])
        #expect(second.error?.type == .rateLimited, "\(second.text)")
        #expect((second.error?.retryAfterSeconds ?? 0) > 0)
        #expect(engines[1].1.requests.isEmpty)
        // The other tool has no budget of its own: the second process still reaches it.
        #expect(!(await engines[1].0.call(get, in: integration, arguments: ["id": "one"])).isError)
    }
}
