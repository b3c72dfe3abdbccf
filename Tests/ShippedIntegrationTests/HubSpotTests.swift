import Foundation
import JSON
import TestSupport
import Testing

@Suite struct HubSpotTests {
    private static func start() throws -> (LoopbackServer, ShippedIntegration) {
        let server = try LoopbackServer(router: HubSpotEmulation.router())
        let hubspot = try ShippedIntegration(file: "hubspot.json", environment: HubSpotEmulation.environment(server))
        return (server, hubspot)
    }

    @Test("listing contacts walks paging.next.after in pages of at most 100, every contact once, in order")
    func listWalksPages() async throws {
        let (server, hubspot) = try Self.start()
        defer { server.stop() }
        let outcome = try await hubspot.call(
            "hubspot_objects_list",
            #"{"object_type": "contacts", "properties": ["email", "lifecyclestage"], "limit": 150}"#)

        #expect(!outcome.isError, "\(outcome.text)")
        let items = VendorEmulationKit.items(outcome)
        #expect(VendorEmulationKit.strings(items, "id") == (1...150).map(String.init))
        #expect(items.last?["properties"]?["email"] == "c150@example.com")
        #expect(outcome.structured?["has_more"] == true)
        #expect(outcome.structured?["next_cursor"]?.stringValue != nil)

        let requests = server.requests
        #expect(requests.map(\.path) == ["/crm/v3/objects/contacts", "/crm/v3/objects/contacts"])
        #expect(requests.map { $0.queryValue("limit") } == ["100", "50"])
        #expect(requests.map { $0.queryValue("after") } == [nil, "101"])
        #expect(requests.allSatisfy { $0.queryValue("properties") == "email,lifecyclestage" })
        #expect(requests.allSatisfy { $0.header("Authorization") == "Bearer \(HubSpotEmulation.token)" })
    }

    @Test("search pages with limit and after in the POST body, and the cursor resumes where it stopped")
    func searchWalksPagesInBody() async throws {
        let (server, hubspot) = try Self.start()
        defer { server.stop() }
        let arguments = #"""
            {"object_type": "contacts", "sorts": [{"propertyName": "createdate", "direction": "ASCENDING"}],
             "properties": ["email"], "limit": 250, "fields": ["id"]}
            """#
        let first = try await hubspot.call("hubspot_objects_search", arguments)

        #expect(!first.isError, "\(first.text)")
        #expect(VendorEmulationKit.strings(VendorEmulationKit.items(first), "id") == (1...250).map(String.init))
        #expect(VendorEmulationKit.items(first).first == ["id": "1"])
        #expect(first.structured?["has_more"] == true)
        let cursor = try #require(first.structured?["next_cursor"]?.stringValue)

        let rest = try await hubspot.call("hubspot_objects_search", #"{"next_cursor": "\#(cursor)", "limit": 100}"#)
        #expect(VendorEmulationKit.strings(VendorEmulationKit.items(rest), "id") == (251...300).map(String.init))
        #expect(rest.structured?["has_more"] == false)

        let bodies = server.requests.map { VendorEmulationKit.body(of: $0) }
        #expect(server.requests.allSatisfy { $0.method == "POST" && $0.path == "/crm/v3/objects/contacts/search" })
        #expect(bodies.map { $0?["limit"] } == [200, 50, 100])
        #expect(bodies.map { $0?["after"] } == [nil, "200", "250"])
        #expect(
            bodies.allSatisfy { $0?["sorts"]?[0]?["propertyName"] == "createdate" && $0?["properties"] == ["email"] })
    }

    @Test("search sends filterGroups as given")
    func searchFilters() async throws {
        let (server, hubspot) = try Self.start()
        defer { server.stop() }
        let arguments = #"""
            {"object_type": "contacts", "limit": 3,
             "filter_groups": [{"filters": [{"propertyName": "lifecyclestage", "operator": "EQ", "value": "customer"}]}]}
            """#
        let outcome = try await hubspot.call("hubspot_objects_search", arguments)

        #expect(VendorEmulationKit.strings(VendorEmulationKit.items(outcome), "id") == ["2", "4", "6"])
        let body = try #require(server.requests.first.flatMap { VendorEmulationKit.body(of: $0) })
        #expect(body["filterGroups"]?[0]?["filters"]?[0]?["value"] == "customer")
    }

    @Test("getting a contact returns the record")
    func getContact() async throws {
        let (server, hubspot) = try Self.start()
        defer { server.stop() }
        let outcome = try await hubspot.call("hubspot_objects_get", #"{"object_type": "contacts", "record_id": "7"}"#)

        #expect(!outcome.isError, "\(outcome.text)")
        #expect(outcome.structured == HubSpotEmulation.contact(7))
        #expect(server.requests.first?.path == "/crm/v3/objects/contacts/7")
    }

    @Test("an unknown record is not_found with HubSpot's message and category")
    func missingContact() async throws {
        let (server, hubspot) = try Self.start()
        defer { server.stop() }
        let outcome = try await hubspot.call(
            "hubspot_objects_get", #"{"object_type": "contacts", "record_id": "999999"}"#)

        let error = try #require(outcome.error)
        #expect(error.type == .notFound)
        #expect(error.message == "Object not found.  objectId are usually numeric.")
        #expect(error.vendor?["category"] == "OBJECT_NOT_FOUND")
    }

    @Test("a validation error is invalid_arguments with the specific message from errors[0]")
    func validationError() async throws {
        let (server, hubspot) = try Self.start()
        defer { server.stop() }
        let arguments = #"""
            {"object_type": "contacts",
             "filter_groups": [{"filters": [{"propertyName": "favourite_colour", "operator": "EQ", "value": "red"}]}]}
            """#
        let outcome = try await hubspot.call("hubspot_objects_search", arguments)

        let error = try #require(outcome.error)
        #expect(error.type == .invalidArguments)
        #expect(error.status == 400)
        #expect(error.message == #"Property "favourite_colour" does not exist"#)
    }
}
