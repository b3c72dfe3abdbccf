import Engine
import Foundation
import LoopbackHTTP
import SystemIO

/// `switchyard-bench`: measures the release `switchyard` binary against floors taken in the same
/// run (cold start, `tools/list`, `tools/call`, concurrency, a long walk, peak memory) and prints
/// a table, or JSON with `--json`. Progress goes to standard error, results to standard output.
@main
enum SwitchyardBench {
    static func main() async {
        do {
            let options = try BenchOptions.parse(Array(CommandLine.arguments.dropFirst()))
            let (binary, results) = try await run(options)
            Console.result(options.json ? ReportRenderer.json(results, binary: binary) : ReportRenderer.table(results))
        } catch {
            Console.progress("\(error)")
            exit(1)
        }
    }

    private static func run(_ options: BenchOptions) async throws -> (String, [BenchResult]) {
        ProcessSignals.ignoreBrokenPipe()
        let binary = try options.binary ?? BinaryLocator.buildRelease()
        Console.progress("measuring \(binary)")
        let vendor = try VendorEmulation()
        let context = ScenarioContext(
            binary: binary, vendor: vendor,
            fixtures: try IntegrationFixtures(packageRoot: BinaryLocator.packageRoot, vendorURL: vendor.baseURL),
            plan: options.quick ? .quick : .standard,
            direct: DirectFetcher(transport: try CurlTransport(), baseURL: vendor.baseURL),
            home: try ScratchDirectory())
        let started = ContinuousClock.now
        var results: [BenchResult] = []
        if options.includes("cold_start") {
            Console.progress("cold start")
            results += try ColdStartScenario.run(context)
        }
        if options.includes("tools_list") {
            Console.progress("tools/list")
            results += try ToolsListScenario.run(context)
        }
        if options.includes("discovery") {
            Console.progress("discovery: search_tools and tools/list token costs")
            results += try DiscoveryScenario.run(context)
        }
        if options.includes("tools_call") || options.includes("concurrency") {
            Console.progress("tools/call and concurrency")
            results += try await CallScenarios.run(
                context, calls: options.includes("tools_call"), concurrency: options.includes("concurrency"))
        }
        if options.includes("walk") {
            Console.progress("walk")
            results += try await WalkScenario.run(context)
        }
        if options.includes("large_body") {
            Console.progress("20 MB response")
            results += try LargeBodyScenario.run(context)
        }
        vendor.server.stop()
        Console.progress("done in \(Int((ContinuousClock.now - started).milliseconds / 1000)) s")
        return (binary, results)
    }
}
