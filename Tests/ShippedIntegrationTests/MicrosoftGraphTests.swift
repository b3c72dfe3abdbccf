import Engine
import Foundation
import JSON
import TestSupport
import Testing

@Suite struct MicrosoftGraphTests {
    private func load(_ graph: MicrosoftGraphEmulation) throws -> ShippedIntegration {
        try Self.load(environment: graph.environment)
    }

    /// `msgraph.json` with real OAuth2 providers and no state directory, as the command line wires it.
    private static func load(environment: [String: String]) throws -> ShippedIntegration {
        try ShippedIntegration(file: "msgraph.json", environment: environment, oauthStateDirectory: nil)
    }

    @Test("users list gets a client-credentials token once, then follows @odata.nextLink across server-side pages")
    func usersListFollowsNextLinks() async throws {
        let graph = try MicrosoftGraphEmulation()
        defer { graph.server.stop() }
        let outcome = try await load(graph).call(
            "msgraph_users_list", #"{"limit": 7, "filter": "jobTitle eq 'Engineer'"}"#)

        #expect(!outcome.isError, "\(outcome.text)")
        let items = outcome.structured?["items"]?.arrayValue ?? []
        #expect(items.compactMap { $0["id"]?.stringValue } == (1...7).map { "user-\($0)" })
        #expect(outcome.structured?["total"] == .int(7))
        #expect(outcome.structured?["has_more"] == .bool(false))
        #expect(graph.tokenRequests == 1)

        let requests = graph.server.requests
        #expect(
            requests.map(\.path) == ["/\(MicrosoftGraphEmulation.tenant)/oauth2/v2.0/token"]
                + Array(repeating: "/v1.0/users", count: 3))
        let token = try #require(requests.first)
        let form = Dictionary(PercentDecoding.queryItems(token.bodyText).map { ($0.name, $0.value) }) { first, _ in
            first
        }
        #expect(form["grant_type"] == "client_credentials")
        #expect(form["scope"] == "https://graph.microsoft.com/.default")
        #expect(form["client_id"] == MicrosoftGraphEmulation.clientID)
        #expect(token.header("Authorization") == nil)

        let pages = Array(requests.dropFirst())
        #expect(pages.map { $0.queryValue("$top") } == ["7", "7", "7"])
        #expect(
            pages.map { $0.queryValue("$skiptoken") } == [
                nil, MicrosoftGraphEmulation.skipToken(3), MicrosoftGraphEmulation.skipToken(6),
            ])
        #expect(
            pages.allSatisfy {
                $0.queryValue("$filter") == "jobTitle eq 'Engineer'" && $0.queryValue("$count") == "true"
            })
        #expect(pages.allSatisfy { $0.header("ConsistencyLevel") == "eventual" })
        #expect(pages.allSatisfy { $0.header("Authorization") == "Bearer \(MicrosoftGraphEmulation.accessToken)" })
    }

    @Test("users get finds a user by user principal name, sent as one path segment")
    func usersGetByPrincipalName() async throws {
        let graph = try MicrosoftGraphEmulation()
        defer { graph.server.stop() }
        let outcome = try await load(graph).call("msgraph_users_get", #"{"user": "user4@contoso.example"}"#)

        #expect(!outcome.isError, "\(outcome.text)")
        #expect(outcome.structured?["id"] == "user-4")
        #expect(outcome.structured?["displayName"] == "User 4")
    }

    @Test("an unknown user is a 404 that becomes not_found with Graph's error message")
    func unknownUserIsNotFound() async throws {
        let graph = try MicrosoftGraphEmulation()
        defer { graph.server.stop() }
        let outcome = try await load(graph).call("msgraph_users_get", #"{"user": "nobody"}"#)

        let error = try #require(outcome.error)
        #expect(error.type == .notFound)
        #expect(error.status == 404)
        #expect(error.message.hasPrefix("Resource 'nobody' does not exist"))
        #expect(error.vendor?["error"]?["code"] == "Request_ResourceNotFound")
    }

    @Test("a throttled mailbox is waited out after Retry-After; message bodies stay out of the list")
    func throttledMessagesAreRetried() async throws {
        let graph = try MicrosoftGraphEmulation(throttleFirstMessagesList: true)
        defer { graph.server.stop() }
        let outcome = try await load(graph).call("msgraph_messages_list", #"{"user": "user-1", "limit": 5}"#)

        #expect(!outcome.isError, "\(outcome.text)")
        let items = outcome.structured?["items"]?.arrayValue ?? []
        #expect(items.compactMap { $0["subject"]?.stringValue } == ["Invoice 1", "Invoice 2"])
        #expect(items.allSatisfy { $0["body"] == nil && $0["@odata.etag"] == nil && $0["bodyPreview"] != nil })
        let pages = graph.server.requests.filter { $0.path == "/v1.0/users/user-1/messages" }
        #expect(pages.count == 2)
        #expect(pages.allSatisfy { $0.queryValue("$top") == "5" })
    }

    @Test("messages get asks for a plain-text body with Prefer")
    func messageGetAsksForText() async throws {
        let graph = try MicrosoftGraphEmulation()
        defer { graph.server.stop() }
        let outcome = try await load(graph).call("msgraph_messages_get", #"{"user": "user-1", "message_id": "AAMk-2"}"#)

        #expect(outcome.structured?["body"]?["contentType"] == "text", "\(outcome.text)")
        #expect(outcome.structured?["@odata.context"] == nil)
        #expect(graph.server.requests.last?.header("Prefer") == #"outlook.body-content-type="text""#)
    }

    @Test("a refused client secret is unauthorized and no Graph request is sent")
    func refusedSecretIsUnauthorized() async throws {
        let graph = try MicrosoftGraphEmulation()
        defer { graph.server.stop() }
        var environment = graph.environment
        environment["MSGRAPH_CLIENT_SECRET"] = "wrong"
        let outcome = try await Self.load(environment: environment).call("msgraph_groups_list")

        #expect(outcome.error?.type == .unauthorized)
        #expect(outcome.error?.message.contains("invalid_client") == true)
        #expect(outcome.text.contains("wrong") == false)
        #expect(graph.server.requests.allSatisfy { $0.path.hasSuffix("/oauth2/v2.0/token") })
    }
}
