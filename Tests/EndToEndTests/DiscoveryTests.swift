import Foundation
import JSON
import TestSupport
import Testing

extension ServeEndToEnd {
    /// `serve --discovery search` against the real binary and the loopback vendor: the meta-tools
    /// alone are listed; search → describe → call_read_tool → next page → call_write_tool reach the
    /// real tools with exactly the direct calls' results, audit lines and cursors (issue #14).
    @Suite struct DiscoveryTests {
        static let metaTools = ["search_tools", "describe_tools", "call_read_tool", "call_write_tool"]

        /// The `tools` array of `tools/list`.
        private static func listed(_ session: ServeSession, meta: JSONValue? = nil) async throws -> [JSONValue] {
            let params: JSONValue? = meta.map { ["_meta": $0] }
            let response = try await session.roundTrip("list", "tools/list", params)
            return try #require(response["result"]?["tools"]?.arrayValue, "\(response.encoded())")
        }

        /// The names in a `search_tools` result.
        private static func names(_ result: JSONValue) -> [String] {
            (result["structuredContent"]?["tools"]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue }
        }

        /// The audit file's lines, parsed.
        private static func audit(_ path: String) throws -> [JSONValue] {
            try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map {
                try JSONParser.parse(String($0))
            }
        }

        @Test("tools/list holds only the meta-tools, in both eras, for at most 1,500 tokens")
        func listing() async throws {
            let session = try ServeSession(["--discovery", "search"])
            try await session.initialize("2025-06-18")
            let legacy = try await Self.listed(session)
            #expect(legacy.compactMap { $0["name"]?.stringValue } == Self.metaTools)
            #expect((JSONValue.array(legacy).encoded().utf8.count + 3) / 4 <= 1500)
            let description = legacy.first?["description"]?.stringValue ?? ""
            #expect(description.contains("describe_tools") && description.contains("call_read_tool"))
            let modern = try await Self.listed(session, meta: ServeSession.modernMeta)
            #expect(modern.compactMap { $0["name"]?.stringValue } == Self.metaTools)
            #expect(await session.finish() == 0)
        }

        @Test("SWITCHYARD_DISCOVERY=search is the same as the option; --pin lists a tool in full beside them")
        func environmentAndPins() async throws {
            let session = try ServeSession(
                ["--pin", "acme_items_get,nothing_here"], environment: ["SWITCHYARD_DISCOVERY": "search"])
            let names = try await Self.listed(session).compactMap { $0["name"]?.stringValue }
            #expect(names == Self.metaTools + ["acme_items_get"])
            #expect(await session.waitForError(containing: "--pin nothing_here"))
            #expect(await session.finish() == 0)
        }

        @Test("describe_tools gives, per revision, exactly what tools/list gives in all mode")
        func describeMatchesAllMode() async throws {
            for revision in ["2024-11-05", "2025-03-26", "2025-11-25"] {
                let all = try ServeSession()
                try await all.initialize(revision)
                let direct = try await Self.listed(all).filter {
                    ["acme_items_list", "beta_widgets_get"].contains($0["name"]?.stringValue ?? "")
                }
                #expect(await all.finish() == 0)
                let search = try ServeSession(["--discovery", "search"])
                try await search.initialize(revision)
                let described = try await search.callResult(
                    1, "describe_tools", ["names": ["acme_items_list", "beta_widgets_get"]])
                let text = try #require(described["content"]?[0]?["text"]?.stringValue)
                #expect(try JSONParser.parse(text)["tools"]?.arrayValue == direct, "\(revision)")
                #expect(described["isError"] == false)
                #expect(await search.finish() == 0)
            }
        }

        @Test("search → describe → call_read_tool → next page → call_write_tool, each the direct call's twin")
        func loop() async throws {
            let directory = try TemporaryDirectory()
            let auditPath = directory.path + "/audit.jsonl"
            let session = try ServeSession(["--discovery", "search", "--audit-log", auditPath])
            try await session.initialize("2025-11-25")

            let found = try await session.callResult(1, "search_tools", ["query": "list the items in the store"])
            #expect(Self.names(found).first == "acme_items_list")
            let first = try #require(found["structuredContent"]?["tools"]?[0])
            #expect(first["kind"] == "list" && first["integration"] == "acme")
            #expect(first["summary"] == "List items in the store, oldest first.")
            #expect((first["tokens"]?.intValue ?? 0) > 0)

            let described = try await session.callResult(2, "describe_tools", ["names": ["acme_items_list"]])
            #expect(described["structuredContent"]?["tools"]?[0]?["inputSchema"]?["properties"]?["next_cursor"] != nil)

            let progress: JSONValue = ["progressToken": "walk"]
            let viaMeta = try await session.callResult(
                3, "call_read_tool", ["name": "acme_items_list", "arguments": ["limit": 3]], meta: progress)
            let direct = try await session.callResult(4, "acme_items_list", ["limit": 3])
            #expect(viaMeta == direct)
            #expect(viaMeta["structuredContent"]?["items"]?.arrayValue?.count == 3)
            let reports = session.skipped.filter { $0["method"] == "notifications/progress" }
            #expect(reports.contains { $0["params"]?["progressToken"] == "walk" })

            let cursor = try #require(viaMeta["structuredContent"]?["next_cursor"]?.stringValue)
            let next = try await session.callResult(
                5, "call_read_tool", ["name": "acme_items_list", "arguments": ["next_cursor": .string(cursor)]])
            #expect(next["structuredContent"]?["items"]?[0]?["id"] == "i4")
            #expect(next == (try await session.callResult(6, "acme_items_list", ["next_cursor": .string(cursor)])))

            let written = try await session.callResult(
                7, "call_write_tool", ["name": "acme_items_create", "arguments": ["title": "Lamp"]])
            #expect(written["isError"] == false)
            #expect(written["structuredContent"] == ["id": "new"])
            #expect(await session.finish() == 0)

            let tools = try Self.audit(auditPath).compactMap { $0["tool"]?.stringValue }
            #expect(
                tools == [
                    "acme_items_list", "acme_items_list", "acme_items_list", "acme_items_list", "acme_items_create",
                ])
            #expect(session.vendor.requests.filter { $0.method == "POST" }.count == 1)
        }

        @Test("notifications/cancelled of a call_read_tool aborts the real tool's transfer; nothing is answered")
        func cancellation() async throws {
            let stalling = try LoopbackServer { _ in .stall }
            let session = try ServeSession(["--discovery", "search"], acmeURL: stalling.baseURL, retaining: [stalling])
            try await session.initialize("2025-11-25")
            await session.call(5, "call_read_tool", ["name": "acme_items_get", "arguments": ["item_id": "stuck"]])
            #expect(await stalling.waitForRequests(count: 1, timeout: ServeSession.timeout))
            await session.notify("notifications/cancelled", ["requestId": 5])
            #expect(await stalling.waitForClosedConnections(count: 1, timeout: ServeSession.timeout))
            #expect(try await session.roundTrip(6, "ping")["result"] != nil)
            #expect(await session.finish(timeout: .seconds(10)) == 0)
            let messages = session.process.allLines.compactMap { try? JSONParser.parse($0) }
            #expect(!messages.contains { $0["id"] == 5 }, "a response to the cancelled call was sent")
        }

        @Test("a tool on the wrong side, an unknown name or a bad argument is invalid_arguments, and no request leaves")
        func refusals() async throws {
            let session = try ServeSession(["--discovery", "search"])
            let wrongSide = try await session.callResult(
                1, "call_read_tool", ["name": "acme_items_create", "arguments": ["title": "Lamp"]])
            #expect(wrongSide["isError"] == true)
            #expect(wrongSide["structuredContent"]?["error"]?["type"] == "invalid_arguments")
            #expect(wrongSide["content"]?[0]?["text"]?.stringValue?.contains("call_write_tool") == true)
            let reverse = try await session.callResult(2, "call_write_tool", ["name": "acme_items_get"])
            #expect(reverse["content"]?[0]?["text"]?.stringValue?.contains("call_read_tool") == true)

            let unknown = try await session.callResult(3, "describe_tools", ["names": ["acme_item_list"]])
            #expect(unknown["isError"] == true)
            #expect(unknown["content"]?[0]?["text"]?.stringValue?.contains("acme_items_list") == true)

            for (id, arguments) in [
                (4, ["name": "call_read_tool", "arguments": ["name": "acme_items_list"]]),
                (5, ["name": "search_tools", "arguments": ["query": "items"]]),
                (6, ["name": "acme_items_list", "arguments": "not an object"]),
                (7, ["name": "acme_items_list", "extra": true]),
            ] as [(Int, JSONValue)] {
                let refused = try await session.callResult(.int(Int64(id)), "call_read_tool", arguments)
                #expect(refused["isError"] == true, "\(arguments.encoded())")
                #expect(refused["structuredContent"]?["error"]?["type"] == "invalid_arguments")
            }
            let huge = String(repeating: "items ", count: 1000)
            let tooLong = try await session.callResult(8, "search_tools", ["query": .string(huge)])
            #expect(tooLong["structuredContent"]?["error"]?["type"] == "invalid_arguments")
            let tooMany = try await session.callResult(
                9, "describe_tools", ["names": .array(Array(repeating: "acme_items_get", count: 11))])
            #expect(tooMany["structuredContent"]?["error"]?["type"] == "invalid_arguments")
            let longName = try await session.callResult(
                11, "call_read_tool", ["name": .string(String(repeating: "acme_items_list", count: 100))])
            #expect(longName["structuredContent"]?["error"]?["type"] == "invalid_arguments")
            let overLimit = try await session.callResult(10, "search_tools", ["query": "items", "limit": 21])
            #expect(overLimit["structuredContent"]?["error"]?["type"] == "invalid_arguments")
            #expect(await session.finish() == 0)
            #expect(session.vendor.requests.isEmpty)
        }

        @Test("--read-only, --tags and --tools bound what search finds, describe shows and the meta-calls run")
        func filters() async throws {
            let readOnly = try ServeSession(["--discovery", "search", "--read-only"])
            let names = try await Self.listed(readOnly).compactMap { $0["name"]?.stringValue }
            #expect(names == ["search_tools", "describe_tools", "call_read_tool"])
            let found = try await readOnly.callResult(1, "search_tools", ["query": "create an item", "limit": 20])
            #expect(!Self.names(found).contains("acme_items_create"))
            #expect(!Self.names(found).contains("acme_reports_delete"))
            let refused = try await readOnly.callResult(2, "call_read_tool", ["name": "acme_items_create"])
            #expect(refused["structuredContent"]?["error"]?["type"] == "invalid_arguments")
            let absent = try await readOnly.roundTrip(3, "tools/call", ["name": "call_write_tool", "arguments": [:]])
            #expect(absent["error"]?["code"] == -32602)
            #expect(await readOnly.finish() == 0)

            let tagged = try ServeSession(["--discovery", "search", "--tags", "analytics"])
            let reports = try await tagged.callResult(1, "search_tools", ["query": "items store widgets", "limit": 20])
            #expect(Set(Self.names(reports)).isSubset(of: ["acme_reports_search", "acme_reports_delete"]))
            let hidden = try await tagged.callResult(2, "describe_tools", ["names": ["acme_items_list"]])
            #expect(hidden["isError"] == true)
            let blocked = try await tagged.callResult(3, "call_read_tool", ["name": "acme_items_list"])
            #expect(blocked["isError"] == true)
            #expect(await tagged.finish() == 0)
            #expect(tagged.vendor.requests.isEmpty)

            let named = try ServeSession(["--discovery", "search", "--tools", "acme_items_get"])
            let only = try await named.callResult(1, "search_tools", ["query": "items widgets reports", "limit": 20])
            #expect(Self.names(only) == ["acme_items_get"])
            #expect(await named.finish() == 0)
        }

        @Test("search_tools filters by tags and ranks the same way every time")
        func tagsAndStability() async throws {
            let session = try ServeSession(["--discovery", "search"])
            let store = try await session.callResult(
                1, "search_tools", ["query": "get one by id", "limit": 20, "tags": ["analytics"]])
            #expect(Set(Self.names(store)).isSubset(of: ["acme_reports_search", "acme_reports_delete"]))
            let first = try await session.callResult(2, "search_tools", ["query": "widgets and items", "limit": 20])
            for id in 3...5 {
                let again = try await session.callResult(
                    .int(Int64(id)), "search_tools", ["query": "widgets and items", "limit": 20])
                #expect(again == first)
            }
            #expect(await session.finish() == 0)
        }

        @Test("a live reload re-indexes: a new file's tools are found once list_changed is announced")
        func reload() async throws {
            let session = try ServeSession(["--discovery", "search"])
            try await session.initialize("2025-06-18")
            let before = try await session.callResult(1, "search_tools", ["query": "gamma notes", "limit": 20])
            #expect(!Self.names(before).contains("gamma_notes_get"))
            try session.files.directory.write(
                "gamma.json",
                #"""
                {"name": "gamma", "description": "A vendor added while the server runs, for reload tests.",
                 "base_url": "${ACME_URL}",
                 "resources": {"notes": {"description": "Notes kept by gamma.", "operations": {
                   "get": {"request": "GET /items/{note_id}", "description": "Get one note by its id, with its full text.",
                           "parameters": {"note_id": {"in": "path", "type": "string", "description": "The note's id."}}}}}}}
                """#)
            let notice = try await session.next()
            #expect(notice["method"] == "notifications/tools/list_changed")
            let after = try await session.callResult(2, "search_tools", ["query": "gamma notes", "limit": 20])
            #expect(Self.names(after).first == "gamma_notes_get")
            let read = try await session.callResult(
                3, "call_read_tool", ["name": "gamma_notes_get", "arguments": ["note_id": "n1"]])
            #expect(read["structuredContent"]?["id"] == "n1")
            #expect(await session.finish() == 0)
        }

        @Test("switchyard tools --search prints search_tools' ranking")
        func commandLine() async throws {
            let session = try ServeSession(["--discovery", "search"])
            let served = try await session.callResult(
                1, "search_tools", ["query": "search the sales reports", "limit": 3])
            #expect(await session.finish() == 0)
            let process = try SwitchyardProcess(
                [
                    "tools", "--integrations", session.files.directory.path, "--search", "search the sales reports",
                    "--limit",
                    "3",
                    "--json",
                ],
                environment: session.files.environment(acmeURL: session.vendor.baseURL))
            process.closeInput()
            #expect(process.waitForExit() == 0)
            let printed = try JSONParser.parse(process.allLines.joined())
            #expect(printed == served["structuredContent"])
            #expect(Self.names(served).first == "acme_reports_search")
        }

        @Test("a bad --discovery or SWITCHYARD_DISCOVERY value is a usage error")
        func usage() throws {
            for (arguments, environment) in [
                (["serve", "--discovery", "some"], [:]), (["serve"], ["SWITCHYARD_DISCOVERY": "lots"]),
                (["tools", "--limit", "3"], [:]), (["serve", "--pin", "acme_items_get"], [:]),
                (["tools", "--search", "x", "--limit", "0"], [:]),
            ] as [([String], [String: String])] {
                let process = try SwitchyardProcess(arguments, environment: environment)
                process.closeInput()
                #expect(process.waitForExit() == 2, "\(arguments) \(environment)")
                #expect(process.allLines.isEmpty)
            }
        }
    }
}
