/// A call whose vendor answers with a 20 MB JSON body (the result itself is cut to the default
/// output budget): the server's peak RSS against the body's size.
enum LargeBodyScenario {
    /// Runs the scenario.
    static func run(_ context: ScenarioContext) throws -> [BenchResult] {
        let server = try context.serveBench()
        defer { server.finish() }
        let params = ScenarioContext.callParams("bench_exports_get", "{}")
        var times: [Double] = []
        for _ in 0..<context.plan.largeBodyCalls {
            let (response, elapsed) = try server.roundTrip("tools/call", params: params)
            try ScenarioContext.expectSuccess(response, "bench_exports_get")
            times.append(elapsed.milliseconds)
        }
        Console.progress("20 MB body: call took \(Int(Samples(times).median)) ms (median)")
        return [
            BenchResult(
                id: "rss_large_body", name: "peak RSS, 20 MB vendor response", bytes: try server.peakMemory(),
                floorBytes: context.vendor.largeBodySize, floorLabel: "the response body's size",
                target: .ratioAtMost(3))
        ]
    }
}
