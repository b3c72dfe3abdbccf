import Foundation
import JSON
import TestSupport
import Testing

extension ServeEndToEnd {
    /// A tool that declares an `outputSchema` always answers with `structuredContent` valid
    /// against it, even when its first item alone is over `--max-output-bytes` (official SDK
    /// clients reject the result otherwise).
    @Suite struct ServeOutputSchemaTests {
        private static let bulky = #"""
            {
              "name": "bulky",
              "description": "A vendor whose items are larger than the output budget.",
              "base_url": "${BULKY_URL}",
              "resources": {
                "items": {
                  "operations": {
                    "list": {
                      "request": "GET /items",
                      "description": "List the bulky items, oldest first, two to a page.",
                      "pagination": {"style": "cursor", "records": "/data", "page_size": {"param": "per_page", "max": 2},
                                     "cursor": {"param": "after", "from": "/next"}}
                    }
                  }
                }
              }
            }
            """#

        private static func vendor() throws -> LoopbackServer {
            var router = Router()
            let blob = String(repeating: "b", count: 2000)
            router.on("GET", "/items") { request, _ in
                let after = request.queryValue("after").flatMap(Int.init) ?? 0
                let items = (after..<min(after + 2, 4)).map { #"{"id":\#($0 + 1),"blob":"\#(blob)"}"# }
                let next = after + 2 < 4 ? #""\#(after + 2)""# : "null"
                return .json(#"{"data":[\#(items.joined(separator: ","))],"next":\#(next)}"#)
            }
            return try LoopbackServer(router: router)
        }

        @Test("every list result carries structuredContent valid against the tool's outputSchema, over budget too")
        func overBudgetStillStructured() async throws {
            let vendor = try Self.vendor()
            defer { vendor.stop() }
            let session = try ServeSession(
                ["--max-output-bytes", "600"], environment: ["BULKY_URL": vendor.baseURL], retaining: [vendor],
                extraFiles: ["bulky.json": Self.bulky])
            try await session.initialize("2025-06-18")
            let listed = try await session.roundTrip("list", "tools/list", [:])
            let tools = try #require(listed["result"]?["tools"]?.arrayValue)
            let declared = try #require(tools.first { $0["name"] == "bulky_items_list" }?["outputSchema"])
            let schema = try JSONSchema(declared)
            var cursor: JSONValue?
            var seenIDs: [Int64] = []
            for round in 0..<6 {
                var arguments: JSONObject = ["limit": 5]
                if let cursor { arguments["next_cursor"] = cursor }
                if round % 2 == 1 { arguments["fields"] = ["id"] }
                let result = try await session.callResult(.int(Int64(round)), "bulky_items_list", .object(arguments))
                #expect(result["isError"] == false)
                let structured = try #require(result["structuredContent"], "round \(round): \(result.encoded())")
                #expect(schema.validate(structured).isEmpty, "round \(round): \(structured.encoded())")
                let text = try #require(result["content"]?[0]?["text"]?.stringValue)
                #expect(text.utf8.count <= 600)
                seenIDs += structured["items"]?.arrayValue?.compactMap { $0["id"]?.intValue } ?? []
                cursor = structured["next_cursor"]
                if cursor == nil { break }
            }
            #expect(!seenIDs.isEmpty)
            #expect(await session.finish() == 0)
        }
    }
}
