import Foundation
import JSON
import TestSupport
import Testing

extension ServeEndToEnd {
    /// The legacy era against the real binary: `initialize` negotiation, `ping`, and what `tools/list`
    /// and `tools/call` carry under each of the four legacy revisions (DESIGN.md §3).
    @Suite struct ServeLegacyEraTests {
        static let legacyRevisions = ["2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25"]

        @Test("initialize echoes a legacy revision and offers tools.listChanged", arguments: legacyRevisions)
        func initializeEchoes(revision: String) async throws {
            let session = try ServeSession()
            let response = try await session.initialize(revision)
            #expect(response["result"]?["protocolVersion"]?.stringValue == revision)
            #expect(response["result"]?["capabilities"]?["tools"]?["listChanged"] == true)
            #expect(response["result"]?["serverInfo"]?["name"]?.stringValue == "switchyard")
            #expect(response["id"] == "init")
            #expect(await session.finish() == 0)
        }

        @Test(
            "initialize answers 2025-11-25 to a future date or the modern revision",
            arguments: ["2026-07-28", "2031-01-01"])
        func initializeFuture(requested: String) async throws {
            let session = try ServeSession()
            let response = try await session.initialize(requested)
            #expect(response["result"]?["protocolVersion"]?.stringValue == "2025-11-25")
            #expect(response["result"]?["capabilities"]?["tools"]?["listChanged"] == true)
            #expect(await session.finish() == 0)
        }

        @Test("notifications/initialized is not answered and ping answers an empty object")
        func initializedAndPing() async throws {
            let session = try ServeSession()
            _ = try await session.roundTrip(1, "initialize", ["protocolVersion": "2025-06-18", "capabilities": [:]])
            await session.notify("notifications/initialized")
            await session.request(2, "ping")
            let next = try #require(try await session.nextFresh())
            #expect(next["id"] == 2, "the first line after the notification must be the ping's answer")
            #expect(next["result"] == [:])
            #expect(await session.finish() == 0)
            #expect(session.process.allLines.count == 2)
        }

        @Test("tools/list carries only the fields of the negotiated revision", arguments: legacyRevisions)
        func toolFieldsPerRevision(revision: String) async throws {
            let session = try ServeSession()
            try await session.initialize(revision)
            let response = try await session.roundTrip(2, "tools/list", [:])
            let tools = try #require(response["result"]?["tools"]?.arrayValue)
            #expect(Set(tools.compactMap { $0["name"]?.stringValue }) == VendorIntegrations.allTools)
            #expect(response["result"]?["nextCursor"] == nil)
            for tool in tools {
                #expect(tool["description"]?.stringValue?.isEmpty == false)
                #expect(tool["inputSchema"]?["type"] == "object")
            }
            let list = try #require(tools.first { $0["name"] == "acme_items_list" })
            let delete = try #require(tools.first { $0["name"] == "acme_reports_delete" })
            switch revision {
            case "2024-11-05":
                #expect(
                    tools.allSatisfy { $0["annotations"] == nil && $0["title"] == nil && $0["outputSchema"] == nil })
            case "2025-03-26":
                #expect(
                    tools.allSatisfy { $0["annotations"] != nil && $0["title"] == nil && $0["outputSchema"] == nil })
            default:
                #expect(tools.allSatisfy { $0["annotations"] != nil })
                #expect(list["title"] == "List items")
                #expect(list["outputSchema"]?["type"] == "object")
            }
            if revision != "2024-11-05" {
                #expect(list["annotations"]?["readOnlyHint"] == true)
                #expect(delete["annotations"]?["destructiveHint"] == true)
                #expect(delete["annotations"]?["readOnlyHint"] == false)
            }
            #expect(await session.finish() == 0)
        }

        @Test("tools/call returns success and isError results shaped for the revision", arguments: legacyRevisions)
        func callResults(revision: String) async throws {
            let session = try ServeSession()
            try await session.initialize(revision)
            let success = try await session.callResult(2, "acme_items_get", ["item_id": "i7"])
            #expect(success["isError"] == false)
            let text = try #require(success["content"]?[0]?["text"]?.stringValue)
            #expect(try JSONParser.parse(text)["name"] == "Item i7")
            #expect(success["content"]?[0]?["type"] == "text")
            let failure = try await session.callResult(3, "acme_items_get", ["item_id": "missing"])
            #expect(failure["isError"] == true)
            #expect(failure["content"]?[0]?["text"]?.stringValue?.isEmpty == false)
            if revision >= "2025-06-18" {
                #expect(success["structuredContent"]?["id"] == "i7")
                #expect(failure["structuredContent"]?["error"]?["type"] == "not_found")
                #expect(failure["structuredContent"]?["error"]?["status"] == 404)
            } else {
                #expect(success["structuredContent"] == nil)
                #expect(failure["structuredContent"] == nil)
            }
            #expect(session.vendor.requests.map(\.path) == ["/items/i7", "/items/missing"])
            #expect(await session.finish() == 0)
        }

        @Test("a batch is answered as one array under 2025-03-26")
        func batchUnder20250326() async throws {
            let session = try ServeSession()
            try await session.initialize("2025-03-26")
            await session.send(
                #"[{"jsonrpc":"2.0","id":10,"method":"ping"},{"jsonrpc":"2.0","method":"notifications/initialized"},"#
                    + #"{"jsonrpc":"2.0","id":11,"method":"tools/list"},{"jsonrpc":"2.0","id":12,"method":"nope"}]"#)
            let batch = try #require(try await session.next().arrayValue)
            #expect(batch.count == 3)
            let byID = Dictionary(
                uniqueKeysWithValues: batch.compactMap { entry in entry["id"]?.intValue.map { ($0, entry) } })
            #expect(byID[10]?["result"] == [:])
            #expect(byID[11]?["result"]?["tools"]?.arrayValue?.count == VendorIntegrations.allTools.count)
            #expect(byID[12]?["error"]?["code"] == -32601)
            #expect(await session.finish() == 0)
        }

        @Test(
            "a batch is refused with -32600 under every other revision",
            arguments: ["2024-11-05", "2025-06-18", "2025-11-25"])
        func batchRefused(revision: String) async throws {
            let session = try ServeSession()
            try await session.initialize(revision)
            await session.send(
                #"[{"jsonrpc":"2.0","id":10,"method":"ping"},{"jsonrpc":"2.0","id":11,"method":"ping"}]"#)
            let answer = try await session.next()
            #expect(answer["error"]?["code"] == -32600)
            #expect(answer["id"] == .null)
            #expect(try await session.roundTrip(12, "ping")["result"] == [:])
            #expect(await session.finish() == 0)
        }
    }
}
