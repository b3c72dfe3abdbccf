import Foundation

/// Calls whose vendor answers with a 20 MB JSON body, read as one object (the result is cut to
/// the default output budget) and as one page of records of a list tool, each on a fresh server:
/// the peak RSS against the body's size, and the resident memory one second after the calls
/// against the same server's resident memory when idle.
enum LargeBodyScenario {
    /// Runs the scenario.
    static func run(_ context: ScenarioContext) throws -> [BenchResult] {
        var results: [BenchResult] = []
        for (tool, label) in [("bench_exports_get", "object"), ("bench_exports_list", "list page")] {
            let server = try context.serveBench()
            defer { server.finish() }
            _ = try server.roundTrip("tools/list")
            let idlePeak = try server.peakMemory()
            let idle = try server.residentMemory()
            let params = ScenarioContext.callParams(tool, "{}")
            var times: [Double] = []
            for _ in 0..<context.plan.largeBodyCalls {
                let (response, elapsed) = try server.roundTrip("tools/call", params: params)
                try ScenarioContext.expectSuccess(response, tool)
                times.append(elapsed.milliseconds)
            }
            Console.progress("20 MB \(label): call took \(Int(Samples(times).median)) ms (median)")
            let peak = try server.peakMemory()
            Thread.sleep(forTimeInterval: 1)
            let after = try server.residentMemory()
            let id = label == "object" ? "large_body" : "large_list"
            results += [
                BenchResult(
                    id: "rss_\(id)", name: "peak RSS over idle, 20 MB vendor \(label)", bytes: peak - idlePeak,
                    floorBytes: context.vendor.largeBodySize, floorLabel: "the response body's size",
                    target: .ratioAtMost(2.5)),
                BenchResult(
                    id: "rss_after_\(id)", name: "RSS 1 s after 20 MB \(label) calls", bytes: after, floorBytes: idle,
                    floorLabel: "the same server's RSS when idle", target: .ratioAtMost(2)),
            ]
        }
        return results
    }
}
