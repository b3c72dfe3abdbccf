import JSON

/// `tools/list` latency over pipes for the shipped catalogue and a generated 1,000-tool one, each
/// a complete listing (following `nextCursor`); floor: a `ping` round trip to the same server.
enum ToolsListScenario {
    /// Runs the scenario for both catalogues.
    static func run(_ context: ScenarioContext) throws -> [BenchResult] {
        let shipped = try measure(
            context.handshake(context.launchShipped()), listings: context.plan.shippedListings, expected: nil)
        let large = try measure(
            context.handshake(context.launch(integrations: context.fixtures.generated.path, environment: [:])),
            listings: context.plan.largeListings, expected: IntegrationFixtures.generatedToolCount)
        return [
            BenchResult(
                id: "tools_list_shipped", name: "tools/list, shipped catalogue (\(shipped.tools) tools)",
                samples: shipped.listings, floor: shipped.pings, floorLabel: "ping round trip, same server",
                target: .medianAtMost(1)),
            BenchResult(
                id: "tools_list_1000",
                name: "tools/list, \(large.tools) tools (\(large.pages) pages)", samples: large.listings,
                floor: large.pings, floorLabel: "ping round trip, same server", target: .medianAtMost(5)),
        ]
    }

    private struct Measurement {
        var listings: Samples
        var pings: Samples
        var tools: Int
        var pages: Int
    }

    private static func measure(_ server: RPCClient, listings count: Int, expected: Int?) throws -> Measurement {
        defer { server.finish() }
        let (tools, pages) = try countTools(server)
        if let expected, tools != expected {
            throw BenchError("expected \(expected) tools, tools/list gave \(tools); stderr: \(server.standardError)")
        }
        for _ in 0..<max(10, count / 10) { _ = try listing(server) }
        var pings: [Double] = []
        var listings: [Double] = []
        for _ in 0..<count {
            pings.append(try server.roundTrip("ping").1.milliseconds)
            listings.append(try listing(server))
        }
        return Measurement(listings: Samples(listings), pings: Samples(pings), tools: tools, pages: pages)
    }

    /// One complete listing; the time is the sum of the pages' round trips.
    private static func listing(_ server: RPCClient) throws -> Double {
        var total = Duration.zero
        var params = "{}"
        while true {
            let (response, elapsed) = try server.roundTrip("tools/list", params: params)
            total += elapsed
            guard let cursor = nextCursor(in: response.line) else { return total.milliseconds }
            params = #"{"cursor":"\#(cursor)"}"#
        }
    }

    /// How many tools a complete listing holds, parsed properly (outside any timing), and in how many pages.
    private static func countTools(_ server: RPCClient) throws -> (tools: Int, pages: Int) {
        let pages = try listingPages(server)
        return (pages.reduce(0) { $0 + $1.count }, pages.count)
    }

    /// Every page of a complete listing, each parsed into its tool definitions (outside any timing).
    static func listingPages(_ server: RPCClient) throws -> [[JSONValue]] {
        var pages: [[JSONValue]] = []
        var params = "{}"
        while true {
            let (response, _) = try server.roundTrip("tools/list", params: params)
            let result = ScenarioContext.parse(response)["result"]
            guard let page = result?["tools"]?.arrayValue else {
                throw BenchError("tools/list failed: \(response.text.prefix(500))")
            }
            pages.append(page)
            guard let cursor = result?["nextCursor"]?.stringValue else { return pages }
            params = #"{"cursor":"\#(cursor)"}"#
        }
    }

    /// The `nextCursor` of a listing page, found near the end of the line where Switchyard writes it.
    static func nextCursor(in line: [UInt8]) -> String? {
        let key = Array(#""nextCursor":""#.utf8)
        let tail = line.suffix(512)
        guard let start = tail.indices.first(where: { tail[$0...].starts(with: key) }) else { return nil }
        let value = tail[(start + key.count)...].prefix { $0 != UInt8(ascii: "\"") }
        return String(decoding: value, as: UTF8.self)
    }
}
