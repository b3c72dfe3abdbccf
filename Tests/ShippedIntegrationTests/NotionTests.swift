import Engine
import Foundation
import JSON
import TestSupport
import Testing

@Suite struct NotionTests {
    private func load(_ notion: NotionEmulation) throws -> ShippedIntegration {
        try ShippedIntegration(file: "notion.json", environment: notion.environment)
    }

    @Test("search walks two pages in one call with page_size and start_cursor in the POST body")
    func searchWalksBodyCursorPages() async throws {
        let notion = try NotionEmulation()
        defer { notion.server.stop() }
        let outcome = try await load(notion).call(
            "notion_search",
            #"{"query": "roadmap", "filter": {"property": "object", "value": "page"}, "limit": 130, "fields": ["id", "url"]}"#
        )

        #expect(!outcome.isError, "\(outcome.text)")
        let items = outcome.structured?["items"]?.arrayValue ?? []
        #expect(items.compactMap { $0["id"]?.stringValue } == (1...130).map(NotionEmulation.id))
        #expect(outcome.structured?["has_more"] == .bool(false))
        #expect(outcome.structured?["truncated"] == nil)
        #expect(items.first == ["id": .string(NotionEmulation.id(1)), "url": "https://www.notion.so/1"])

        let requests = notion.server.requests
        #expect(requests.map(\.method) == ["POST", "POST"])
        #expect(requests.allSatisfy { $0.query == nil })
        let bodies = try requests.map { try JSONParser.parse($0.body) }
        #expect(bodies.map { $0["page_size"] } == [.int(100), .int(30)])
        #expect(bodies.map { $0["start_cursor"] } == [nil, .string(NotionEmulation.id(101))])
        #expect(bodies.allSatisfy { $0["query"] == "roadmap" && $0["filter"]?["value"] == "page" })
        #expect(requests.allSatisfy { $0.header("Notion-Version") == NotionEmulation.version })
        #expect(requests.allSatisfy { $0.header("Authorization") == "Bearer \(NotionEmulation.token)" })
        #expect(requests.allSatisfy { $0.header("Content-Type") == "application/json" })
    }

    @Test("a data source query resumes from next_cursor with the same filter and sorts in the body")
    func dataSourceQueryResumes() async throws {
        let notion = try NotionEmulation()
        defer { notion.server.stop() }
        let integration = try load(notion)
        let arguments = #"""
            {"data_source_id": "\#(NotionEmulation.dataSourceID)", "limit": 2,
             "filter": {"property": "Status", "status": {"equals": "Done"}},
             "sorts": [{"timestamp": "created_time", "direction": "descending"}]}
            """#
        let first = try await integration.call("notion_data_sources_query", arguments)
        #expect(!first.isError, "\(first.text)")
        let token = try #require(first.structured?["next_cursor"]?.stringValue)
        let second = try await integration.call(
            "notion_data_sources_query", #"{"next_cursor": "\#(token)", "limit": 10}"#)
        #expect(second.structured?["has_more"] == .bool(false), "\(second.text)")

        let ids = [first, second].flatMap { $0.structured?["items"]?.arrayValue ?? [] }.compactMap {
            $0["id"]?.stringValue
        }
        #expect(ids == (1001...1005).map(NotionEmulation.id))
        let requests = notion.server.requests
        #expect(requests.allSatisfy { $0.path == "/v1/data_sources/\(NotionEmulation.dataSourceID)/query" })
        let bodies = try requests.map { try JSONParser.parse($0.body) }
        #expect(bodies.map { $0["page_size"] } == [.int(2), .int(10)])
        #expect(bodies.map { $0["start_cursor"] } == [nil, .string(NotionEmulation.id(1003))])
        #expect(bodies.allSatisfy { $0["filter"]?["status"]?["equals"] == "Done" })
        #expect(bodies.allSatisfy { $0["sorts"]?[0]?["timestamp"] == "created_time" })
    }

    @Test("block children page with start_cursor and page_size in the query string of a GET")
    func blockChildrenUseQueryCursor() async throws {
        let notion = try NotionEmulation()
        defer { notion.server.stop() }
        let integration = try load(notion)
        let first = try await integration.call(
            "notion_blocks_list_children", #"{"block_id": "\#(NotionEmulation.id(1))", "limit": 3}"#)
        let token = try #require(first.structured?["next_cursor"]?.stringValue, "\(first.text)")
        let second = try await integration.call("notion_blocks_list_children", #"{"next_cursor": "\#(token)"}"#)

        let ids = [first, second].flatMap { $0.structured?["items"]?.arrayValue ?? [] }.compactMap {
            $0["id"]?.stringValue
        }
        #expect(ids == (2001...2005).map(NotionEmulation.id))
        #expect(second.structured?["items"]?[0]?["parent"] == nil)
        let requests = notion.server.requests
        #expect(requests.map(\.method) == ["GET", "GET"])
        #expect(requests.map { $0.queryValue("page_size") } == ["3", "25"])
        #expect(requests.map { $0.queryValue("start_cursor") } == [nil, NotionEmulation.id(2004)])
        #expect(requests.allSatisfy { $0.body.isEmpty })
    }

    @Test("search results leave out icons, covers and user stubs")
    func searchOmitsNoise() async throws {
        let notion = try NotionEmulation()
        defer { notion.server.stop() }
        let outcome = try await load(notion).call("notion_search", #"{"query": "roadmap 12", "limit": 5}"#)

        let items = outcome.structured?["items"]?.arrayValue ?? []
        #expect(items.compactMap { $0["id"]?.stringValue } == [12, 120, 121, 122, 123].map(NotionEmulation.id))
        #expect(items.allSatisfy { $0["icon"] == nil && $0["cover"] == nil && $0["created_by"] == nil })
        #expect(items.allSatisfy { $0["properties"] != nil && $0["url"] != nil })
        #expect(try JSONParser.parse(notion.server.requests[0].body) == ["query": "roadmap 12", "page_size": 5])
    }

    @Test("pages get returns the page object without icon, cover and user stubs")
    func pagesGetReturnsPage() async throws {
        let notion = try NotionEmulation()
        defer { notion.server.stop() }
        let outcome = try await load(notion).call("notion_pages_get", #"{"page_id": "\#(NotionEmulation.id(7))"}"#)

        #expect(!outcome.isError, "\(outcome.text)")
        #expect(outcome.structured?["object"] == "page")
        #expect(outcome.structured?["properties"]?["title"]?["title"]?[0]?["plain_text"] == "Roadmap 7")
        #expect(outcome.structured?["icon"] == nil && outcome.structured?["last_edited_by"] == nil)
    }

    @Test("an unshared page is a 404 object_not_found that becomes not_found with Notion's message")
    func missingPageIsNotFound() async throws {
        let notion = try NotionEmulation()
        defer { notion.server.stop() }
        let outcome = try await load(notion).call(
            "notion_pages_get", #"{"page_id": "59833787-2cf9-4fdf-8782-e53db20768a5"}"#)

        let error = try #require(outcome.error)
        #expect(error.type == .notFound)
        #expect(error.status == 404)
        #expect(error.message.hasPrefix("Could not find page with ID: 59833787-2cf9-4fdf-8782-e53db20768a5."))
        #expect(error.vendor?["code"] == "object_not_found")
    }

    @Test("pages markdown returns the page content as one markdown string")
    func pagesMarkdown() async throws {
        let notion = try NotionEmulation()
        defer { notion.server.stop() }
        let outcome = try await load(notion).call(
            "notion_pages_get_markdown", #"{"page_id": "\#(NotionEmulation.id(1))"}"#)

        #expect(outcome.structured?["markdown"]?.stringValue?.hasPrefix("# Roadmap 1") == true, "\(outcome.text)")
        #expect(notion.server.requests.first?.path == "/v1/pages/\(NotionEmulation.id(1))/markdown")
    }

    @Test("pages update PATCHes only the given properties and the trash flag")
    func pagesUpdatePatches() async throws {
        let notion = try NotionEmulation()
        defer { notion.server.stop() }
        let arguments = #"""
            {"page_id": "\#(NotionEmulation.id(2))", "in_trash": true,
             "properties": {"title": {"title": [{"text": {"content": "Renamed"}}]}}}
            """#
        let outcome = try await load(notion).call("notion_pages_update", arguments)

        #expect(outcome.structured?["in_trash"] == .bool(true), "\(outcome.text)")
        let request = try #require(notion.server.requests.first)
        #expect(request.method == "PATCH")
        let body = try JSONParser.parse(request.body)
        #expect(body == ["in_trash": true, "properties": ["title": ["title": [["text": ["content": "Renamed"]]]]]])
    }
}
