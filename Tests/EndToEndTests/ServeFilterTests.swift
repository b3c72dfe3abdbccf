import Foundation
import JSON
import TestSupport
import Testing

extension ServeEndToEnd {
    /// Tool exposure against the real binary: `--only`, `--tags`, `--tools` and `--read-only`
    /// intersect; a tool left out is unknown (-32602) and never reaches the vendor (DESIGN.md §7).
    @Suite struct ServeFilterTests {
        /// The names `tools/list` returns under `options`.
        private func exposed(_ options: [String]) async throws -> Set<String> {
            let session = try ServeSession(options)
            let tools = try #require(try await session.roundTrip(1, "tools/list")["result"]?["tools"]?.arrayValue)
            #expect(await session.finish() == 0)
            return Set(tools.compactMap { $0["name"]?.stringValue })
        }

        @Test("each filter alone exposes what it names")
        func singleFilters() async throws {
            #expect(try await exposed([]) == VendorIntegrations.allTools)
            #expect(
                try await exposed(["--only", "acme"])
                    == [
                        "acme_items_list", "acme_items_get", "acme_items_create", "acme_reports_search",
                        "acme_reports_delete",
                    ])
            #expect(
                try await exposed(["--tags", "store"])
                    == [
                        "acme_items_list", "acme_items_get", "acme_items_create", "beta_widgets_get",
                        "beta_widgets_list",
                    ])
            #expect(
                try await exposed(["--tags", "analytics"]) == ["acme_reports_search", "acme_reports_delete"])
            #expect(
                try await exposed(["--tools", "acme_items_get,beta_widgets_get"]) == [
                    "acme_items_get", "beta_widgets_get",
                ])
            #expect(
                try await exposed(["--read-only"])
                    == [
                        "acme_items_list", "acme_items_get", "acme_reports_search", "beta_widgets_get",
                        "beta_widgets_list",
                    ])
        }

        @Test("filters combine as an intersection")
        func intersection() async throws {
            #expect(
                try await exposed(["--only", "acme", "--tags", "store"]) == [
                    "acme_items_list", "acme_items_get", "acme_items_create",
                ])
            #expect(
                try await exposed(["--only", "acme", "--tags", "store", "--read-only"]) == [
                    "acme_items_list", "acme_items_get",
                ])
            #expect(
                try await exposed([
                    "--only", "acme", "--tags", "store", "--read-only", "--tools", "acme_items_get,acme_reports_search",
                ]) == ["acme_items_get"])
            #expect(try await exposed(["--only", "beta", "--tags", "analytics"]).isEmpty)
            #expect(try await exposed(["--tools", "acme_items_create", "--read-only"]).isEmpty)
        }

        @Test("a call to a tool that is not exposed is -32602 and reaches no vendor")
        func hiddenToolIsUnknown() async throws {
            let session = try ServeSession(["--only", "acme", "--tags", "analytics"])
            for (id, tool) in [(1, "acme_items_get"), (2, "beta_widgets_get"), (3, "acme_items_list")] {
                await session.call(
                    .int(Int64(id)), tool, tool == "acme_items_list" ? [:] : ["item_id": "i1", "widget_id": "w"])
                #expect(try await session.response(to: .int(Int64(id)))["error"]?["code"] == -32602, "\(tool)")
            }
            let allowed = try await session.callResult(4, "acme_reports_search", ["query": "q3"])
            #expect(allowed["isError"] == false)
            #expect(session.vendor.requests.map(\.path) == ["/reports/search"])
            #expect(await session.finish() == 0)
        }

        @Test("under --read-only a write is refused and the vendor receives nothing")
        func readOnlyWritesNeverSent() async throws {
            let session = try ServeSession(["--read-only"])
            let writes: [(String, JSONValue)] = [
                ("acme_items_create", ["title": "new"]), ("acme_reports_delete", ["report_id": "r1"]),
            ]
            for (index, (tool, arguments)) in writes.enumerated() {
                let id = JSONValue.int(Int64(index))
                await session.call(id, tool, arguments)
                let response = try await session.response(to: id)
                #expect(response["error"]?["code"] == -32602, "\(tool): \(response.encoded())")
                #expect(response["result"] == nil)
            }
            let modern = try await session.roundTrip(
                9, "tools/call",
                ["name": "acme_reports_delete", "arguments": ["report_id": "r1"], "_meta": ServeSession.modernMeta])
            #expect(modern["error"]?["code"] == -32602)
            #expect(await session.finish() == 0)
            #expect(
                session.vendor.requests.isEmpty, "writes reached the vendor: \(session.vendor.requests.map(\.target))")
        }
    }
}
