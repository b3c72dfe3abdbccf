import JSON

/// A 10,000-item walk over 100 vendor pages through `bench_items_list` against fetching the same
/// 100 pages directly, in alternating rounds; then the server's peak RSS.
enum WalkScenario {
    /// Runs the scenario.
    static func run(_ context: ScenarioContext) async throws -> [BenchResult] {
        let server = try context.serveBench(arguments: ["--max-output-bytes", "50000000"])
        defer { server.finish() }
        // tools/list waits for the catalogue, so the idle figure includes it.
        _ = try server.roundTrip("tools/list")
        let idle = try server.peakMemory()
        let items = VendorEmulation.pageCount * VendorEmulation.pageSize
        let params = ScenarioContext.callParams("bench_items_list", #"{"limit":\#(items)}"#)
        let paths = (1...VendorEmulation.pageCount).map(VendorEmulation.pagePath)
        let (first, _) = try server.roundTrip("tools/call", params: params)
        try verify(first, items: items)
        _ = try await context.direct.timeWalk(paths)
        let plan = context.plan
        var walks: [Double] = []
        var floors: [Double] = []
        var serverCPU = 0.0
        let perRound = max(1, plan.walks / plan.rounds)
        for round in 0..<plan.rounds {
            Console.progress("walk: round \(round + 1) of \(plan.rounds)")
            for _ in 0..<perRound { floors.append(try await context.direct.timeWalk(paths)) }
            let cpuBefore = server.cpuMilliseconds
            for _ in 0..<perRound { walks.append(try server.roundTrip("tools/call", params: params).1.milliseconds) }
            serverCPU += server.cpuMilliseconds - cpuBefore
        }
        Console.progress(String(format: "walk: server CPU %.1f ms per walk", serverCPU / Double(walks.count)))
        return [
            BenchResult(
                id: "walk", name: "10,000-item walk over 100 pages", samples: Samples(walks), floor: Samples(floors),
                floorLabel: "the same 100 pages fetched through CurlTransport in the bench process",
                target: .ratioAtMost(1.1)),
            BenchResult(
                id: "rss_walk", name: "peak RSS, walk scenario", bytes: try server.peakMemory(), floorBytes: idle,
                floorLabel: "peak RSS of the same server after initialize and tools/list", target: .none),
        ]
    }

    /// Checks that the walk returned every item and nothing more to fetch.
    private static func verify(_ response: ResponseInbox.Arrival, items: Int) throws {
        try ScenarioContext.expectSuccess(response, "bench_items_list")
        let structured = ScenarioContext.parse(response)["result"]?["structuredContent"]
        let count = structured?["items"]?.arrayValue?.count
        guard count == items, structured?["has_more"] == .bool(false) else {
            throw BenchError("the walk returned \(count ?? 0) items, expected \(items) and no more")
        }
    }
}
