/// The call scenarios on one server over the `bench` integration: `tools/call` latency of a cheap
/// GET against the same GET sent directly, 50 concurrent calls to a 100 ms endpoint, and the
/// server's peak RSS after both against its peak right after `initialize`.
enum CallScenarios {
    /// Runs the scenarios `context`'s options select (`tools_call`, `concurrency`); the RSS row comes with either.
    static func run(_ context: ScenarioContext, calls: Bool, concurrency: Bool) async throws -> [BenchResult] {
        let server = try context.serveBench()
        defer { server.finish() }
        // tools/list waits for the catalogue, so the idle figure includes it.
        _ = try server.roundTrip("tools/list")
        let idle = try server.peakMemory()
        var results: [BenchResult] = []
        if calls { results.append(try await measureCalls(context, server)) }
        if concurrency { results.append(try measureConcurrency(context, server)) }
        results.append(
            BenchResult(
                id: "rss_calls", name: "peak RSS, call scenarios", bytes: try server.peakMemory(), floorBytes: idle,
                floorLabel: "peak RSS of the same server after initialize and tools/list", target: .medianAtMost(15)))
        return results
    }

    /// `tools/call` of `bench_items_get` against `GET /items/42` sent from this process, in alternating rounds.
    private static func measureCalls(_ context: ScenarioContext, _ server: RPCClient) async throws -> BenchResult {
        let plan = context.plan
        let params = ScenarioContext.callParams("bench_items_get", #"{"id":"42"}"#)
        let (first, _) = try server.roundTrip("tools/call", params: params)
        try ScenarioContext.expectSuccess(first, "bench_items_get")
        _ = try await context.direct.timeGETs("/items/42", count: plan.warmUpCalls)
        for _ in 0..<plan.warmUpCalls { _ = try server.roundTrip("tools/call", params: params) }
        var calls: [Double] = []
        var floors: [Double] = []
        var serverCPU = 0.0
        let perRound = max(1, plan.calls / plan.rounds)
        for round in 0..<plan.rounds {
            Console.progress("tools/call: round \(round + 1) of \(plan.rounds)")
            floors += try await context.direct.timeGETs("/items/42", count: perRound)
            let cpuBefore = server.cpuMilliseconds
            for _ in 0..<perRound { calls.append(try server.roundTrip("tools/call", params: params).1.milliseconds) }
            serverCPU += server.cpuMilliseconds - cpuBefore
        }
        Console.progress(
            String(format: "tools/call: server CPU %.1f µs per call", serverCPU * 1000 / Double(calls.count)))
        return BenchResult(
            id: "tools_call", name: "tools/call, cheap GET over pipes", samples: Samples(calls),
            floor: Samples(floors), floorLabel: "the same GET through CurlTransport in the bench process",
            target: .overFloor(plus: 0.1, p99AtMost: 0.4))
    }

    /// Rounds of 50 `bench_slow_get` calls written at once; the wall time runs from the write to the last answer.
    private static func measureConcurrency(_ context: ScenarioContext, _ server: RPCClient) throws -> BenchResult {
        let params = ScenarioContext.callParams("bench_slow_get", "{}")
        var walls: [Double] = []
        // The first round is not counted: it opens the connections.
        for round in 0...context.plan.concurrencyRounds {
            let (ids, sentAt) = server.sendTogether("tools/call", params: params, count: 50)
            var last = sentAt
            for id in ids {
                let arrival = try server.response(to: id)
                if round == 0 { try ScenarioContext.expectSuccess(arrival, "bench_slow_get") }
                last = max(last, arrival.at)
            }
            if round > 0 { walls.append((last - sentAt).milliseconds) }
        }
        let floor = VendorEmulation.slowDelay.milliseconds
        return BenchResult(
            id: "concurrency", name: "50 concurrent calls to a 100 ms endpoint (wall)", samples: Samples(walls),
            floor: Samples([floor]), floorLabel: "the endpoint's own delay, 100 ms", target: .medianAtMost(110))
    }
}
