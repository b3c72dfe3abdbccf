import JSON

/// Cold start: launch → `initialize` answered, with every shipped integration loaded; floor:
/// launch → exit of `/bin/true`, both seen through the same pipes by the same reader thread.
enum ColdStartScenario {
    /// Runs the scenario; launches alternate between the floor and Switchyard.
    static func run(_ context: ScenarioContext) throws -> [BenchResult] {
        try verifyShippedCatalogue(context)
        var starts: [Double] = []
        var listed: [Double] = []
        var floors: [Double] = []
        // The first pair is not counted: it warms the page cache and the dynamic loader.
        for index in 0...context.plan.coldStarts {
            let trivial = try RPCClient(executable: "/bin/true")
            let exited = try trivial.endOfOutput()
            trivial.finish()
            let server = try context.launchShipped()
            let (id, _) = server.send("initialize", params: ScenarioContext.initializeParams)
            let answered = try server.response(to: id)
            server.notify("notifications/initialized")
            let (list, _) = server.send("tools/list")
            let tools = try server.response(to: list)
            server.finish()
            guard index > 0 else { continue }
            floors.append((exited - trivial.launchedAt).milliseconds)
            starts.append((answered.at - server.launchedAt).milliseconds)
            listed.append((tools.at - server.launchedAt).milliseconds)
        }
        return [
            BenchResult(
                id: "cold_start", name: "cold start (launch → initialize, shipped catalogue)",
                samples: Samples(starts), floor: Samples(floors), floorLabel: "launch → exit of /bin/true",
                target: .medianAtMost(20)),
            BenchResult(
                id: "cold_start_tools", name: "cold start → first tools/list answered", samples: Samples(listed),
                floor: Samples(floors), floorLabel: "launch → exit of /bin/true", target: .none),
        ]
    }

    /// Checks once that every shipped integration contributes tools, so the cold start loads them all.
    private static func verifyShippedCatalogue(_ context: ScenarioContext) throws {
        let server = try context.handshake(context.launchShipped())
        defer { server.finish() }
        let (response, _) = try server.roundTrip("tools/list")
        let names = ScenarioContext.parse(response)["result"]?["tools"]?.arrayValue?.compactMap {
            $0["name"]?.stringValue
        }
        guard let names else { throw BenchError("tools/list failed: \(response.text.prefix(500))") }
        let missing = context.fixtures.shippedNames.filter { integration in
            !names.contains { $0.hasPrefix(integration + "_") }
        }
        guard missing.isEmpty else {
            throw BenchError(
                "shipped integrations not loaded: \(missing.joined(separator: ", ")); stderr: \(server.standardError)")
        }
        Console.progress(
            "cold start: \(names.count) tools from \(context.fixtures.shippedNames.count) shipped integrations")
    }
}
