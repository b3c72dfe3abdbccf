import Foundation
import JSON
import TestSupport
import Testing

extension ServeEndToEnd {
    /// Live reload against the real binary: a valid change replaces the tool set and announces it to
    /// legacy clients; an invalid one is refused with diagnostics and the old set stays (DESIGN.md §7).
    @Suite struct ServeReloadTests {
        private static let gamma = #"""
            {"name": "gamma", "description": "A vendor added while the server runs, for reload tests.",
             "base_url": "${ACME_URL}",
             "resources": {"notes": {"description": "Notes kept by gamma.", "operations": {
               "get": {"request": "GET /items/{note_id}", "description": "Get one note by its id, with its full text.",
                       "parameters": {"note_id": {"in": "path", "type": "string", "description": "The note's id."}}}}}}}
            """#

        private func names(_ session: ServeSession, id: JSONValue) async throws -> Set<String> {
            let tools = try #require(try await session.roundTrip(id, "tools/list")["result"]?["tools"]?.arrayValue)
            return Set(tools.compactMap { $0["name"]?.stringValue })
        }

        @Test("a new valid file is served and announced with notifications/tools/list_changed")
        func validChange() async throws {
            let session = try ServeSession()
            try await session.initialize("2025-06-18")
            #expect(try await names(session, id: 1) == VendorIntegrations.allTools)
            try session.files.directory.write("gamma.json", Self.gamma)
            let notice = try await session.next()
            #expect(notice["method"] == "notifications/tools/list_changed")
            #expect(notice["id"] == nil)
            #expect(try await names(session, id: 2) == VendorIntegrations.allTools.union(["gamma_notes_get"]))
            let result = try await session.callResult(3, "gamma_notes_get", ["note_id": "n1"])
            #expect(result["structuredContent"]?["id"] == "n1")
            #expect(await session.finish() == 0)
        }

        @Test("an invalid change is refused with a diagnostic on stderr and the old set stays")
        func invalidChange() async throws {
            let session = try ServeSession()
            try await session.initialize("2025-11-25")
            try session.files.directory.write("broken.json", #"{"name": "Bad Name", "resources": 7}"#)
            #expect(
                await session.waitForError(containing: "broken.json"), "no diagnostic: \(session.process.standardError)"
            )
            #expect(try await names(session, id: 1) == VendorIntegrations.allTools)
            #expect(try await session.callResult(2, "acme_items_get", ["item_id": "i1"])["isError"] == false)
            #expect(await session.finish() == 0)
            let notices = session.process.allLines.filter { $0.contains("notifications/tools/list_changed") }
            #expect(notices.isEmpty)
        }
    }
}
