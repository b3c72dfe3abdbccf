import JSON

/// Progressive discovery (issue #14): `search_tools` latency over pipes on the generated
/// 1,000-tool catalogue (floor: a `ping` round trip to the same server), and what `tools/list`
/// costs in prompt tokens (bytes / 4 of its tool definitions) in `--discovery search` against
/// `all`, for the shipped and the generated catalogue.
enum DiscoveryScenario {
    /// Tasks phrased against the generated catalogue's vocabulary, asked in turn.
    private static let queries = [
        "archive records3 in gen04", "list the open records", "comment on a record of gen07",
        "assign records7 to a user", "search records by free text", "restore a deleted record in gen09",
        "delete records5 of gen02", "get one record by its identifier",
    ]

    /// Runs the scenario.
    static func run(_ context: ScenarioContext) throws -> [BenchResult] {
        let generated = context.fixtures.generated.path
        let search = try context.handshake(
            context.launch(integrations: generated, environment: [:], arguments: ["--discovery", "search"]))
        let latency = try measureSearch(search, count: context.plan.shippedListings)
        let largeSearch = try listedTokens(search)
        search.finish()
        let largeAll = try tokens(context.handshake(context.launch(integrations: generated, environment: [:])))
        let shippedEnvironment = context.fixtures.shippedEnvironment
        let shippedDirectory = context.fixtures.shippedDirectory
        let shippedAll = try tokens(context.handshake(context.launchShipped()))
        let shippedSearch = try tokens(
            context.handshake(
                context.launch(
                    integrations: shippedDirectory, environment: shippedEnvironment,
                    arguments: ["--discovery", "search"])))
        return [
            BenchResult(
                id: "search_tools_1000", name: "search_tools, \(IntegrationFixtures.generatedToolCount) tools",
                samples: latency.searches, floor: latency.pings, floorLabel: "ping round trip, same server",
                target: .medianAtMost(1)),
            BenchResult(
                id: "discovery_tokens_shipped", name: "tools/list tokens, shipped catalogue, --discovery search",
                tokens: shippedSearch.tokens, floorTokens: shippedAll.tokens,
                floorLabel: "--discovery all: \(shippedAll.tools) tools, \(shippedAll.tokens) tokens",
                target: .medianAtMost(1500)),
            BenchResult(
                id: "discovery_tokens_1000",
                name: "tools/list tokens, \(largeAll.tools) tools, --discovery search",
                tokens: largeSearch, floorTokens: largeAll.tokens,
                floorLabel: "--discovery all: \(largeAll.tools) tools, \(largeAll.tokens) tokens",
                target: .medianAtMost(1500)),
        ]
    }

    /// Times `search_tools` round trips, interleaved with pings for the floor; checks each answer.
    private static func measureSearch(_ server: RPCClient, count: Int) throws -> (searches: Samples, pings: Samples) {
        let params = queries.map { query in
            ScenarioContext.callParams("search_tools", #"{"query":"\#(query)","limit":5}"#)
        }
        for param in params {
            let (response, _) = try server.roundTrip("tools/call", params: param)
            try ScenarioContext.expectSuccess(response, "search_tools")
            guard ScenarioContext.parse(response)["result"]?["structuredContent"]?["tools"]?[0] != nil else {
                throw BenchError("search_tools found nothing: \(response.text.prefix(500))")
            }
        }
        var searches: [Double] = []
        var pings: [Double] = []
        for index in 0..<count {
            pings.append(try server.roundTrip("ping").1.milliseconds)
            searches.append(try server.roundTrip("tools/call", params: params[index % params.count]).1.milliseconds)
        }
        return (Samples(searches), Samples(pings))
    }

    /// A complete listing's tool count and token cost; finishes the server.
    private static func tokens(_ server: RPCClient) throws -> (tools: Int, tokens: Int) {
        defer { server.finish() }
        let tools = try ToolsListScenario.listingPages(server).joined()
        let bytes = tools.reduce(0) { $0 + $1.encoded().utf8.count }
        return (tools.count, (bytes + 3) / 4)
    }

    /// The token cost of a search-mode listing, leaving the server running.
    private static func listedTokens(_ server: RPCClient) throws -> Int {
        let (response, _) = try server.roundTrip("tools/list")
        guard let page = ScenarioContext.parse(response)["result"]?["tools"]?.arrayValue else {
            throw BenchError("tools/list failed: \(response.text.prefix(500))")
        }
        return (page.reduce(0) { $0 + $1.encoded().utf8.count } + 3) / 4
    }
}
