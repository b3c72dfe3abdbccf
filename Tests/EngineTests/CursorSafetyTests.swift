import Engine
import JSON
import TestSupport
import Testing

/// Cursors handed back by the model are checked before anything is sent, and vendors that page
/// forever are stopped (DESIGN.md §5 *Pagination*).
@Suite struct CursorSafetyTests {
    /// Two list tools over one Jira-like vendor: `vendor_things_list` and `vendor_things_archived`.
    private static func twoListTools() throws -> EngineHarness {
        let shape = VendorShape.jira
        var router = shape.router
        router.on("GET", "/rest/api/3/archive", reply: .json(#"{"total":0,"issues":[]}"#))
        return try EngineHarness(
            router: router,
            operations: #"""
                "list": {\#(shape.operation)},
                "archived": {"kind": "list", "request": "GET /rest/api/3/archive",
                             "description": "List archived issues, oldest first.",
                             "pagination": {"style": "offset", "records": "/issues", "offset": {"param": "startAt"},
                                            "page_size": {"param": "maxResults", "max": 50}, "total": "/total"}}
                """#)
    }

    /// A valid cursor from a first call of 10 items.
    private static func firstCursor(_ harness: EngineHarness) async throws -> String {
        let first = try await harness.call("list", ["limit": 10])
        return try #require(first.nextCursor)
    }

    /// Calls with `cursor` and requires an `invalid_cursor` failure with no request sent.
    private static func expectRefused(_ cursor: String, by harness: EngineHarness, tool: String = "list") async throws {
        let before = harness.server.requests.count
        let outcome = try await harness.call(tool, ["next_cursor": .string(cursor)])
        #expect(outcome.errorType == .invalidCursor, "\(outcome.text)")
        #expect(outcome.errorObject?["type"] == "invalid_cursor")
        #expect(outcome.errorObject?["retryable"] == false)
        #expect(harness.server.requests.count == before, "a refused cursor sends nothing")
    }

    @Test("a cursor with one character changed is refused, at every position")
    func tamperedCursor() async throws {
        let harness = try Self.twoListTools()
        defer { harness.stop() }
        let cursor = Array(try await Self.firstCursor(harness))
        for index in Set([
            0, 1, cursor.count / 3, cursor.count / 2, cursor.count - 9, cursor.count - 2, cursor.count - 1,
        ]) {
            var changed = cursor
            changed[index] = changed[index] == "A" ? "B" : "A"
            try await Self.expectRefused(String(changed), by: harness)
        }
    }

    @Test("a truncated cursor, or one with trailing garbage, is refused")
    func truncatedCursor() async throws {
        let harness = try Self.twoListTools()
        defer { harness.stop() }
        let cursor = try await Self.firstCursor(harness)
        for mangled in [
            String(cursor.dropLast()), String(cursor.dropLast(4)), String(cursor.prefix(cursor.count / 2)),
            String(cursor.dropFirst()), cursor + "A", cursor + "AA", cursor + "AAAA", cursor + "=", " " + cursor, "",
            "%",
        ] {
            try await Self.expectRefused(mangled, by: harness)
        }
    }

    @Test("a cursor of another tool is refused, naming that tool")
    func cursorOfAnotherTool() async throws {
        let harness = try Self.twoListTools()
        defer { harness.stop() }
        let cursor = try await Self.firstCursor(harness)
        try await Self.expectRefused(cursor, by: harness, tool: "archived")
        let outcome = try await harness.call("archived", ["next_cursor": .string(cursor)])
        #expect(outcome.error?.message.contains("vendor_things_list") == true)
    }

    /// A cursor for `tool` sealed with the harness engine's own key: what only Switchyard can mint.
    private static func sealed(
        _ harness: EngineHarness, tool name: String = "vendor_things_list", arguments: JSONObject,
        position: PagePosition, fingerprint: String? = nil
    ) throws -> String {
        let tool = try #require(harness.catalog.tool(named: name))
        return PageCursor(
            tool: name, fingerprint: fingerprint ?? tool.fingerprint, arguments: arguments, position: position
        ).encoded(with: harness.engine.options.cursorSealer)
    }

    @Test("a cursor whose next URL is on another origin is refused and that origin gets nothing")
    func cursorOnAnotherOrigin() async throws {
        let elsewhere = try LoopbackServer(router: VendorShape.salesforce.router)
        defer { elsewhere.stop() }
        let harness = try VendorShape.salesforce.harness()
        defer { harness.stop() }
        for url in [elsewhere.url("/services/data/v59.0/query/01g-20"), "http://localhost:\(harness.server.port)/x"] {
            // Even sealed with the real key (a key shared by a fleet whose files differ).
            let forged = try Self.sealed(
                harness, arguments: ["q": "SELECT Id FROM Account"], position: PagePosition(anchor: .url(url)))
            try await Self.expectRefused(forged, by: harness)
        }
        #expect(elsewhere.requests.isEmpty)
        let genuine = try Self.sealed(
            harness, arguments: ["q": "SELECT Id FROM Account"],
            position: PagePosition(anchor: .url(harness.server.url("/services/data/v59.0/query/01g-20"))))
        let outcome = try await harness.call("list", ["limit": 3, "next_cursor": .string(genuine)])
        #expect(try outcome.numbers() == [21, 22, 23])
    }

    @Test("a cursor minted without the key, as the old unkeyed format allowed, is refused and sends nothing")
    func unkeyedForgery() async throws {
        let harness = try VendorShape.salesforce.harness()
        defer { harness.stop() }
        let tool = try #require(harness.catalog.tool(named: "vendor_things_list"))
        let payload = JSONValue.object([
            "t": "vendor_things_list", "d": .string(tool.fingerprint), "a": ["q": "SELECT Id FROM Account"],
            "p": ["k": "u", "u": .string(harness.server.url("/services/data/v59.0/sobjects/User"))],
        ])
        let body = Array(payload.encodedData())
        // The old wire form (unkeyed SHA-256 check), and the new one under a guessed key.
        var hasher = SHA256()
        hasher.update(Array("switchyard-cursor".utf8))
        hasher.update([1])
        hasher.update(body)
        let old = Base64URL.encode([1] + body + hasher.finalize().prefix(8))
        let guessed = TokenSealer(key: []).seal(body, purpose: PageCursor.purpose)
        let zeroKey = TokenSealer(key: Array(repeating: 0, count: 32)).seal(body, purpose: PageCursor.purpose)
        for forged in [old, guessed, zeroKey] {
            try await Self.expectRefused(forged, by: harness)
        }
        #expect(harness.server.requests.isEmpty)
    }

    @Test("a sealed cursor whose arguments the tool's schema refuses is invalid_cursor, and the vendor gets nothing")
    func cursorArgumentsRevalidated() async throws {
        let harness = try Self.twoListTools()
        defer { harness.stop() }
        for arguments: JSONObject in [["jql": 42], ["no_such_parameter": "x"], ["jql": ["a"]]] {
            let forged = try Self.sealed(
                harness, arguments: arguments, position: PagePosition(anchor: .offset(10)))
            try await Self.expectRefused(forged, by: harness)
        }
    }

    @Test("a cursor made before the tool's definition changed is refused")
    func staleDefinition() async throws {
        let harness = try Self.twoListTools()
        defer { harness.stop() }
        let stale = try Self.sealed(
            harness, arguments: [:], position: PagePosition(anchor: .offset(10)), fingerprint: "0011223344556677")
        try await Self.expectRefused(stale, by: harness)
        let outcome = try await harness.call("list", ["next_cursor": .string(stale)])
        #expect(outcome.error?.message.contains("definition changed") == true, "\(outcome.text)")
    }

    @Test("a position the tool's pagination style cannot produce is refused (no next URL for an offset tool)")
    func positionMustFitStyle() async throws {
        let harness = try Self.twoListTools()
        defer { harness.stop() }
        for anchor: PagePosition.Anchor in [
            .url(harness.server.url("/rest/api/3/myself")), .cursor("abc"), .page(3),
        ] {
            let forged = try Self.sealed(harness, arguments: [:], position: PagePosition(anchor: anchor))
            try await Self.expectRefused(forged, by: harness)
        }
    }

    @Test("a cursor sealed by another installation's key is refused")
    func otherInstallation() async throws {
        let harness = try Self.twoListTools()
        defer { harness.stop() }
        let tool = try #require(harness.catalog.tool(named: "vendor_things_list"))
        let foreign = PageCursor(
            tool: tool.name, fingerprint: tool.fingerprint, arguments: [:], position: PagePosition(anchor: .offset(10))
        ).encoded(with: TokenSealer(key: TokenSealer.randomKey()))
        try await Self.expectRefused(foreign, by: harness)
    }

    @Test("a next-page link to another origin is not fetched: upstream_error naming the origin")
    func nextLinkOnAnotherOrigin() async throws {
        let elsewhere = try LoopbackServer(router: Router())
        defer { elsewhere.stop() }
        var router = Router()
        router.on("GET", "/v1/items") { _, _ in
            .json(#"{"records":[{"number":1}],"next":"\#(elsewhere.url("/v1/items?page=2"))"}"#)
        }
        let harness = try EngineHarness(
            router: router,
            operations: #"""
                "list": {"request": "GET /v1/items", "description": "List items of the vendor in order.",
                         "pagination": {"style": "next_url", "records": "/records", "next": "/next"}}
                """#)
        defer { harness.stop() }
        let outcome = try await harness.call("list", ["limit": 10])
        #expect(outcome.errorType == .upstreamError)
        #expect(outcome.error?.message.contains("127.0.0.1:\(elsewhere.port)") == true, "\(outcome.text)")
        #expect(elsewhere.requests.isEmpty)
    }

    @Test("a vendor that repeats its cursor stops the walk with upstream_error (pagination loop)")
    func repeatedCursor() async throws {
        var router = Router()
        router.on("GET", "/v1/items") { request, _ in
            let number = request.queryValue("after") == nil ? 1 : 2
            return .json(#"{"results":[{"number":\#(number)}],"paging":{"next":{"after":"same"}}}"#)
        }
        let harness = try EngineHarness(
            router: router,
            operations: #"""
                "list": {"request": "GET /v1/items", "description": "List items of the vendor in order.",
                         "pagination": {"style": "cursor", "records": "/results",
                                        "cursor": {"param": "after", "from": "/paging/next/after"}}}
                """#)
        defer { harness.stop() }
        let outcome = try await harness.call("list", ["limit": 50])
        #expect(outcome.errorType == .upstreamError)
        #expect(outcome.error?.message.contains("pagination loop") == true, "\(outcome.text)")
        #expect(harness.server.requests.count == 2)
    }

    @Test("a Link header that points back at an earlier page stops the walk")
    func linkLoop() async throws {
        var router = Router()
        router.on("GET", "/v1/items") { request, _ in
            let page = VendorItems.int(request, "page", 1)
            let next = page == 3 ? 2 : page + 1
            return .json(#"[{"number":\#(page)}]"#, headers: [("Link", #"</v1/items?page=\#(next)>; rel="next""#)])
        }
        let harness = try EngineHarness(
            router: router,
            operations: #"""
                "list": {"request": "GET /v1/items", "description": "List items of the vendor in order.",
                         "pagination": {"style": "link_header"}}
                """#)
        defer { harness.stop() }
        let outcome = try await harness.call("list", ["limit": 50])
        #expect(outcome.errorType == .upstreamError)
        #expect(outcome.error?.message.contains("pagination loop") == true, "\(outcome.text)")
        #expect(harness.server.requests.count == 3)
    }

    @Test("more than 100 vendor pages in one call stops with upstream_error after exactly 100 requests")
    func hundredPageCap() async throws {
        var router = Router()
        router.on("GET", "/v1/items") { request, _ in
            let after = VendorItems.int(request, "after", 0)
            return .json(#"{"results":[{"number":\#(after + 1)}],"paging":{"next":{"after":"\#(after + 1)"}}}"#)
        }
        let harness = try EngineHarness(
            router: router,
            operations: #"""
                "list": {"request": "GET /v1/items", "description": "List items of the vendor in order.",
                         "pagination": {"style": "cursor", "records": "/results", "page_size": {"param": "limit", "max": 1},
                                        "cursor": {"param": "after", "from": "/paging/next/after"}}}
                """#)
        defer { harness.stop() }
        let outcome = try await harness.call("list", ["limit": 500])
        #expect(outcome.errorType == .upstreamError)
        #expect(outcome.error?.message.contains("pagination") == true, "\(outcome.text)")
        #expect(harness.server.requests.count == 100)
    }
}
