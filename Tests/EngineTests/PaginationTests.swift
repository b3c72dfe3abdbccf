import Engine
import JSON
import TestSupport
import Testing

@Suite struct PaginationTests {
    /// Calls the list tool with `first` as the limit, then with `then` and each `next_cursor`, until
    /// `has_more` is false; fails after `maxCalls`.
    static func walk(
        _ harness: EngineHarness, shape: VendorShape, first: Int, then: Int, extra: JSONObject = [:], maxCalls: Int = 40
    ) async throws -> [ToolOutcome] {
        var outcomes: [ToolOutcome] = []
        var arguments = shape.arguments
        for member in extra { arguments[member.key] = member.value }
        arguments["limit"] = .int(Int64(first))
        while outcomes.count < maxCalls {
            let outcome = try await harness.call("list", arguments)
            try #require(!outcome.isError, "call \(outcomes.count + 1) failed: \(outcome.text)")
            outcomes.append(outcome)
            let body = try outcome.listBody()
            guard body["has_more"] == true else {
                #expect(body["next_cursor"] == nil, "a last page carries no next_cursor")
                return outcomes
            }
            let cursor = try #require(body["next_cursor"]?.stringValue, "has_more without next_cursor")
            arguments = ["limit": .int(Int64(then)), "next_cursor": .string(cursor)]
        }
        Issue.record("the walk did not end after \(maxCalls) calls")
        return outcomes
    }

    @Test("walking with limit 37 yields every item exactly once, in vendor order", arguments: VendorShape.all)
    func walkEveryShape(shape: VendorShape) async throws {
        let harness = try shape.harness()
        defer { harness.stop() }
        let outcomes = try await Self.walk(harness, shape: shape, first: 37, then: 37)
        let numbers = try outcomes.flatMap { try $0.numbers() }
        #expect(numbers == Array(1...shape.itemCount))
        let counts = try outcomes.map { try $0.items().count }
        #expect(counts.dropLast().allSatisfy { $0 == 37 }, "every call but the last is full: \(counts)")
        #expect(outcomes.count == (shape.itemCount + 36) / 37)
    }

    @Test("a limit above the vendor's page max fetches several pages in one call", arguments: VendorShape.all)
    func limitAboveVendorMax(shape: VendorShape) async throws {
        let harness = try shape.harness()
        defer { harness.stop() }
        var arguments = shape.arguments
        arguments["limit"] = 90
        let outcome = try await harness.call("list", arguments)
        #expect(try outcome.numbers() == Array(1...90))
        #expect(outcome.hasMore == true)
        #expect(harness.server.requests.count >= (90 + shape.pageMax - 1) / shape.pageMax)
    }

    @Test("the vendor page size is the smaller of its max and the items still wanted")
    func pageSizeFollowsWanted() async throws {
        let harness = try VendorShape.hubspot.harness()
        defer { harness.stop() }
        let outcome = try await harness.call("list", ["limit": 45])
        #expect(try outcome.numbers() == Array(1...45))
        #expect(harness.server.requests.map { $0.queryValue("limit") } == ["20", "20", "5"])
        #expect(harness.server.requests.map { $0.queryValue("after") } == [nil, "1020", "1040"])
    }

    @Test("a walk that starts with limit 5 and continues with 37 loses and repeats nothing", arguments: VendorShape.all)
    func midPageResumption(shape: VendorShape) async throws {
        let harness = try shape.harness()
        defer { harness.stop() }
        let outcomes = try await Self.walk(harness, shape: shape, first: 5, then: 37)
        #expect(try outcomes[0].numbers() == Array(1...5))
        #expect(try outcomes.flatMap { try $0.numbers() } == Array(1...shape.itemCount))
    }

    @Test("a vendor page cut by the limit is resumed at the first item not returned")
    func resumesInsideAFixedPage() async throws {
        let harness = try VendorShape.salesforce.harness()
        defer { harness.stop() }
        let first = try await harness.call("list", ["q": "SELECT Id FROM Account", "limit": 5])
        #expect(try first.numbers() == Array(1...5))
        let second = try await harness.call(
            "list", ["limit": 18, "next_cursor": .string(try #require(first.nextCursor))])
        #expect(try second.numbers() == Array(6...23))
        let paths = harness.server.requests.map(\.path)
        #expect(
            paths == [
                "/services/data/v59.0/query", "/services/data/v59.0/query",
                "/services/data/v59.0/query/01gRO0000016PIAYA2-20",
            ])
        #expect(harness.server.requests[1].queryValue("q") == "SELECT Id FROM Account")
    }

    @Test("the vendor's total is reported", arguments: [VendorShape.jira, .salesforce, .pageNumbers])
    func reportsTotal(shape: VendorShape) async throws {
        let harness = try shape.harness()
        defer { harness.stop() }
        var arguments = shape.arguments
        arguments["limit"] = 10
        let body = try await harness.call("list", arguments).listBody()
        #expect(body["total"] == .int(Int64(shape.itemCount)))
    }

    @Test("with a cursor, the cursor's own arguments are used, not new filters")
    func cursorArgumentsWin() async throws {
        let harness = try VendorShape.jira.harness()
        defer { harness.stop() }
        let first = try await harness.call("list", ["jql": "project = A", "limit": 10])
        let cursor = try #require(first.nextCursor)
        let second = try await harness.call(
            "list", ["jql": "project = B", "limit": 10, "next_cursor": .string(cursor)])
        #expect(try second.numbers() == Array(11...20))
        #expect(harness.server.requests.map { $0.queryValue("jql") } == ["project = A", "project = A"])
        #expect(harness.server.requests.map { $0.queryValue("startAt") } == ["0", "10"])
    }

    @Test("progress is reported after pages, strictly increasing, with the limit as total")
    func progress() async throws {
        let harness = try VendorShape.hubspot.harness()
        defer { harness.stop() }
        let log = ProgressLog()
        let outcome = try await harness.call("list", ["limit": 57], progress: log.callback)
        #expect(try outcome.items().count == 57)
        let reports = log.reports
        #expect(reports.map(\.progress) == [20, 40, 57])
        #expect(reports.allSatisfy { $0.total == 57 })
        #expect(zip(reports, reports.dropFirst()).allSatisfy { $0.progress < $1.progress })
    }

    @Test("fields keeps only the named fields, also on calls that continue with the cursor")
    func fieldsKeepsNamedFields() async throws {
        let harness = try VendorShape.stripe.harness()
        defer { harness.stop() }
        let first = try await harness.call("list", ["limit": 30, "fields": ["title", "id"]])
        #expect(try first.items().allSatisfy { $0.objectValue?.keys == ["id", "title"] })
        let second = try await harness.call(
            "list", ["limit": 30, "next_cursor": .string(try #require(first.nextCursor))])
        let items = try second.items()
        #expect(items.first == ["id": "cus_031", "title": "Item 31"])
        #expect(items.allSatisfy { $0.objectValue?.keys == ["id", "title"] })
    }

    @Test("response.omit removes its pointers from every item")
    func omitRemovesPointers() async throws {
        let harness = try VendorShape.zendesk.harness(
            operationExtras: #""response": {"omit": ["/notes", "/author/avatar_url"]}"#)
        defer { harness.stop() }
        let items = try await harness.call("list", ["limit": 25]).items()
        #expect(items.count == 25)
        #expect(items.allSatisfy { $0["notes"] == nil && $0["author"] == ["login": "octo"] && $0["title"] != nil })
    }

    @Test("an empty collection is an empty list, also when the vendor sends null for the records")
    func emptyCollections() async throws {
        var router = Router()
        router.on(
            "GET", "/v1/deals",
            reply: .json(
                #"{"success":true,"data":null,"additional_data":{"pagination":{"start":0,"limit":20,"more_items_in_collection":false}}}"#
            ))
        let harness = try EngineHarness(router: router, operations: #""list": {\#(VendorShape.pipedrive.operation)}"#)
        defer { harness.stop() }
        let body = try await harness.call("list", ["limit": 10]).listBody()
        #expect(body == ["items": [], "has_more": false])
        var router2 = Router()
        router2.on("GET", "/repos/{owner}/{repo}/issues", reply: .json("[]"))
        let empty = try EngineHarness(
            router: router2, operations: #""list": {\#(VendorShape.github(relativeLinks: true).operation)}"#)
        defer { empty.stop() }
        #expect(
            try await empty.call("list", ["owner": "o", "repo": "r"]).listBody() == ["items": [], "has_more": false])
    }

    @Test("default_limit applies when limit is left out, and max_limit caps limit")
    func defaultAndMaxLimit() async throws {
        let shape = VendorShape.stripe
        let operation = shape.operation.replacingOccurrences(
            of: #""has_more": "/has_more""#, with: #""has_more": "/has_more", "default_limit": 7, "max_limit": 30"#)
        let harness = try EngineHarness(router: shape.router, operations: #""list": {\#(operation)}"#)
        defer { harness.stop() }
        #expect(try await harness.call("list").numbers() == Array(1...7))
        #expect(try await harness.call("list", ["limit": 30]).numbers() == Array(1...30))
        #expect(try await harness.call("list", ["limit": 31]).errorType == .invalidArguments)
    }

    @Test("a transient 503, 429 or reset in the middle of a walk is retried and the walk completes")
    func transientFailureMidWalk() async throws {
        let shape = VendorShape.hubspot
        let inner = shape.router
        let hiccups = ReplySequence(
            [.json(503, "{}"), .json(429, "{}", headers: [("Retry-After", "0")]), .reset], then: .json("{}"))
        let router = Router(fallback: { request in
            // Page 2 fails with 503 then 429, page 4 with a reset; each then succeeds on a retry.
            if ["1020", "1060"].contains(request.queryValue("after") ?? ""), hiccups.remaining > 0,
                hiccups.handedOut < (request.queryValue("after") == "1020" ? 2 : 3)
            {
                return hiccups.next()
            }
            return inner.reply(to: request)
        })
        let harness = try EngineHarness(router: router, operations: #""list": {\#(shape.operation)}"#)
        defer { harness.stop() }
        let outcome = try await harness.call("list", ["limit": 95])
        #expect(try outcome.numbers() == Array(1...95))
        #expect(hiccups.remaining == 0)
        // libcurl itself re-sends a read once when its reused connection turns out dead, so the
        // vendor may see one request more than the engine counted.
        #expect((7...8).contains(outcome.attempts))
        #expect(outcome.attempts <= harness.server.requests.count)
    }
}
