import Engine
import Foundation
import JSON
import TestSupport
import Testing

@Suite struct PipedriveTests {
    private func load(_ pipedrive: PipedriveEmulation) throws -> ShippedIntegration {
        try ShippedIntegration(file: "pipedrive.json", environment: pipedrive.environment)
    }

    @Test("deals list pages by Pipedrive's next_cursor across calls, keeping the filter and the header token")
    func dealsListPagesByCursor() async throws {
        let pipedrive = try PipedriveEmulation()
        defer { pipedrive.server.stop() }
        let integration = try load(pipedrive)
        let first = try await integration.call(
            "pipedrive_deals_list", #"{"limit": 3, "status": "open", "sort_by": "id", "sort_direction": "asc"}"#)
        #expect(!first.isError, "\(first.text)")
        #expect(first.structured?["has_more"] == .bool(true))
        let token = try #require(first.structured?["next_cursor"]?.stringValue)
        let second = try await integration.call("pipedrive_deals_list", #"{"limit": 25, "next_cursor": "\#(token)"}"#)
        #expect(!second.isError, "\(second.text)")
        #expect(second.structured?["has_more"] == .bool(false))

        let ids = [first, second].flatMap { $0.structured?["items"]?.arrayValue ?? [] }.compactMap {
            $0["id"]?.intValue
        }
        #expect(ids == [1, 2, 4, 5, 7])
        let requests = pipedrive.server.requests
        #expect(requests.map(\.path) == ["/api/v2/deals", "/api/v2/deals"])
        #expect(requests.map { $0.queryValue("limit") } == ["3", "25"])
        #expect(requests.map { $0.queryValue("cursor") } == [nil, PipedriveEmulation.cursor(3)])
        #expect(requests.allSatisfy { $0.queryValue("status") == "open" && $0.queryValue("sort_by") == "id" })
        #expect(requests.allSatisfy { $0.header("x-api-token") == PipedriveEmulation.token })
        #expect(requests.allSatisfy { $0.queryValue("api_token") == nil && $0.header("Authorization") == nil })
    }

    @Test("item search walks two pages in one call, asking at most Pipedrive's 100 per page")
    func itemSearchWalksTwoPages() async throws {
        let pipedrive = try PipedriveEmulation()
        defer { pipedrive.server.stop() }
        let outcome = try await load(pipedrive).call(
            "pipedrive_items_search", #"{"term": "acme", "item_types": ["person", "organization"], "limit": 130}"#)

        #expect(!outcome.isError, "\(outcome.text)")
        let items = outcome.structured?["items"]?.arrayValue ?? []
        #expect(items.compactMap { $0["item"]?["id"]?.intValue } == Array(1...130))
        #expect(outcome.structured?["has_more"] == .bool(false))
        let requests = pipedrive.server.requests
        #expect(requests.map { $0.queryValue("limit") } == ["100", "30"])
        #expect(requests.map { $0.queryValue("cursor") } == [nil, PipedriveEmulation.cursor(100)])
        #expect(requests.allSatisfy { $0.queryValue("item_types") == "person,organization" })
        #expect(requests.allSatisfy { $0.queryValue("term") == "acme" })
    }

    @Test("deals get returns Pipedrive's success envelope with the deal")
    func dealsGetReturnsDeal() async throws {
        let pipedrive = try PipedriveEmulation()
        defer { pipedrive.server.stop() }
        let outcome = try await load(pipedrive).call("pipedrive_deals_get", #"{"id": 4}"#)

        #expect(!outcome.isError, "\(outcome.text)")
        #expect(outcome.structured?["success"] == .bool(true))
        #expect(outcome.structured?["data"]?["title"] == "Deal 4")
        #expect(pipedrive.server.requests.first?.path == "/api/v2/deals/4")
    }

    @Test("a 404 with Pipedrive's error body becomes not_found carrying its message")
    func missingDealIsNotFound() async throws {
        let pipedrive = try PipedriveEmulation()
        defer { pipedrive.server.stop() }
        let outcome = try await load(pipedrive).call("pipedrive_deals_get", #"{"id": 999}"#)

        let error = try #require(outcome.error)
        #expect(error.type == .notFound)
        #expect(error.status == 404)
        #expect(error.message == "Deal not found")
        #expect(error.vendor?["success"] == .bool(false))
    }

    @Test("a too-short search term is a 400 that comes back as invalid_arguments with Pipedrive's reason")
    func badSearchIsInvalidArguments() async throws {
        let pipedrive = try PipedriveEmulation()
        defer { pipedrive.server.stop() }
        let outcome = try await load(pipedrive).call("pipedrive_items_search", #"{"term": "a"}"#)

        #expect(outcome.error?.type == .invalidArguments)
        #expect(outcome.error?.status == 400)
        #expect(outcome.error?.message.contains("at least 2 characters") == true)
    }

    @Test("a wrong token is unauthorized with Pipedrive's message and no retry")
    func wrongTokenIsUnauthorized() async throws {
        let pipedrive = try PipedriveEmulation()
        defer { pipedrive.server.stop() }
        var environment = pipedrive.environment
        environment["PIPEDRIVE_API_TOKEN"] = "not-the-token"
        let outcome = try await ShippedIntegration(file: "pipedrive.json", environment: environment)
            .call("pipedrive_deals_list", "{}")

        #expect(outcome.error?.type == .unauthorized)
        #expect(outcome.error?.message == "unauthorized access")
        #expect(pipedrive.server.requests.count == 1)
    }

    @Test("creating a deal and an organization sends the v2 JSON bodies, the address nested under value")
    func createSendsBodies() async throws {
        let pipedrive = try PipedriveEmulation()
        defer { pipedrive.server.stop() }
        let integration = try load(pipedrive)
        let deal = try await integration.call(
            "pipedrive_deals_create",
            #"{"title": "Renewal", "value": 12000, "currency": "EUR", "org_id": 7, "custom_fields": {"abc123": "Q3"}}"#)
        #expect(deal.structured?["data"]?["id"] == .int(501), "\(deal.text)")
        let organization = try await integration.call(
            "pipedrive_organizations_create", #"{"name": "Acme GmbH", "address": "Hauptstraße 1, Berlin"}"#)
        #expect(organization.structured?["data"]?["id"] == .int(601), "\(organization.text)")

        let requests = pipedrive.server.requests
        #expect(requests.map(\.method) == ["POST", "POST"])
        let dealBody = try JSONParser.parse(requests[0].body)
        #expect(
            dealBody == [
                "title": "Renewal", "value": 12000, "currency": "EUR", "org_id": 7, "custom_fields": ["abc123": "Q3"],
            ])
        let organizationBody = try JSONParser.parse(requests[1].body)
        #expect(organizationBody == ["name": "Acme GmbH", "address": ["value": "Hauptstraße 1, Berlin"]])
    }
}
