import Foundation
import JSON
import TestSupport
import Testing

@Suite struct ZendeskTests {
    private static func start() throws -> (LoopbackServer, ShippedIntegration) {
        let server = try LoopbackServer(router: ZendeskEmulation.router())
        let zendesk = try ShippedIntegration(file: "zendesk.json", environment: ZendeskEmulation.environment(server))
        return (server, zendesk)
    }

    @Test("listing tickets walks page[after] cursors and stops on has_more false, though an after_cursor is still sent")
    func listWalksPages() async throws {
        let (server, zendesk) = try Self.start()
        defer { server.stop() }
        let outcome = try await zendesk.call("zendesk_tickets_list", #"{"limit": 150}"#)

        #expect(!outcome.isError, "\(outcome.text)")
        let items = VendorEmulationKit.items(outcome)
        #expect(VendorEmulationKit.strings(items, "id") == (1...150).map(String.init))
        #expect(outcome.structured?["has_more"] == false)
        let first = try #require(items.first)
        #expect(first["subject"] == "Ticket 1")
        #expect(first["description"] == nil && first["url"] == nil && first["fields"] == nil && first["via"] == nil)

        let requests = server.requests
        #expect(requests.count == 2)
        #expect(requests.map { $0.queryValue("page[size]") } == ["100", "50"])
        #expect(requests.map { $0.queryValue("page[after]") } == [nil, "cursor-100"])
        let authorization = VendorEmulationKit.basic("\(ZendeskEmulation.email)/token", ZendeskEmulation.apiToken)
        #expect(requests.allSatisfy { $0.header("Authorization") == authorization })
    }

    @Test("search follows the absolute next_page URL and reports Zendesk's count as the total")
    func searchFollowsNextPage() async throws {
        let (server, zendesk) = try Self.start()
        defer { server.stop() }
        let outcome = try await zendesk.call("zendesk_search", #"{"query": "type:ticket status:open", "limit": 200}"#)

        #expect(!outcome.isError, "\(outcome.text)")
        let ids = VendorEmulationKit.strings(VendorEmulationKit.items(outcome), "id")
        #expect(ids == (1...150).filter { $0 % 5 != 0 }.map(String.init))
        #expect(outcome.structured?["total"] == 120)
        #expect(outcome.structured?["has_more"] == false)

        let requests = server.requests
        #expect(requests.map(\.path) == ["/api/v2/search", "/api/v2/search.json"])
        #expect(requests.map { $0.queryValue("per_page") } == ["100", "100"])
        #expect(requests.map { $0.queryValue("page") } == [nil, "2"])
        #expect(requests.first?.queryValue("query") == "type:ticket status:open")
    }

    @Test("getting a ticket returns it inside its ticket envelope, without API links")
    func getTicket() async throws {
        let (server, zendesk) = try Self.start()
        defer { server.stop() }
        let outcome = try await zendesk.call("zendesk_tickets_get", #"{"ticket_id": 7}"#)

        #expect(!outcome.isError, "\(outcome.text)")
        #expect(outcome.structured?["ticket"]?["subject"] == "Ticket 7")
        #expect(outcome.structured?["ticket"]?["description"] == "The printer on floor 7 is on fire.")
        #expect(outcome.structured?["ticket"]?["url"] == nil)
        #expect(server.requests.first?.path == "/api/v2/tickets/7")
    }

    @Test("an unknown ticket is not_found with Zendesk's description")
    func missingTicket() async throws {
        let (server, zendesk) = try Self.start()
        defer { server.stop() }
        let outcome = try await zendesk.call("zendesk_tickets_get", #"{"ticket_id": 9999}"#)

        let error = try #require(outcome.error)
        #expect(error.type == .notFound)
        #expect(error.message == "Not found")
        #expect(error.vendor?["error"] == "RecordNotFound")
    }

    @Test("a validation failure is unprocessable with the detail rather than the generic description")
    func validationFailure() async throws {
        let (server, zendesk) = try Self.start()
        defer { server.stop() }
        let outcome = try await zendesk.call("zendesk_tickets_update", #"{"ticket_id": 10, "status": "open"}"#)

        let error = try #require(outcome.error)
        #expect(error.type == .unprocessable)
        #expect(error.status == 422)
        #expect(error.message == "Status: closed prevents ticket update")
        #expect(VendorEmulationKit.body(of: try #require(server.requests.first)) == ["ticket": ["status": "open"]])
    }

    @Test("creating a ticket sends an Idempotency-Key and nests the comment under ticket")
    func createTicket() async throws {
        let (server, zendesk) = try Self.start()
        defer { server.stop() }
        let outcome = try await zendesk.call(
            "zendesk_tickets_create",
            #"{"subject": "Printer fire", "comment": "Floor 3 printer is burning.", "priority": "high"}"#)

        #expect(!outcome.isError, "\(outcome.text)")
        #expect(outcome.structured?["ticket"]?["subject"] == "Printer fire")
        let request = try #require(server.requests.first)
        #expect(request.method == "POST" && request.path == "/api/v2/tickets")
        #expect(request.header("Idempotency-Key")?.isEmpty == false)
        #expect(
            VendorEmulationKit.body(of: request)
                == [
                    "ticket": [
                        "subject": "Printer fire", "comment": ["body": "Floor 3 printer is burning."],
                        "priority": "high",
                    ]
                ])
    }
}
