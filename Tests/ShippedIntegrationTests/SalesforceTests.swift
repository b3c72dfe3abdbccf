import Foundation
import JSON
import TestSupport
import Testing

@Suite struct SalesforceTests {
    private struct Org {
        let emulation: SalesforceEmulation
        let server: LoopbackServer
        let salesforce: ShippedIntegration
        let stateDirectory: String

        func stop() {
            server.stop()
            try? FileManager.default.removeItem(atPath: stateDirectory)
        }
    }

    private static func start() throws -> Org {
        let emulation = SalesforceEmulation()
        let server = try LoopbackServer(router: emulation.router())
        let stateDirectory = try ShippedIntegration.temporaryStateDirectory()
        let salesforce = try ShippedIntegration(
            file: "salesforce.json", environment: SalesforceEmulation.environment(server),
            oauthStateDirectory: stateDirectory)
        return Org(emulation: emulation, server: server, salesforce: salesforce, stateDirectory: stateDirectory)
    }

    @Test("a SOQL query follows nextRecordsUrl until done, sending the OAuth access token with every page")
    func queryWalksPages() async throws {
        let org = try Self.start()
        defer { org.stop() }
        let outcome = try await org.salesforce.call(
            "salesforce_query_run", #"{"soql": "SELECT Id, Name FROM Account"}"#)

        #expect(!outcome.isError, "\(outcome.text)")
        let items = VendorEmulationKit.items(outcome)
        #expect(VendorEmulationKit.strings(items, "Name") == (1...5).map { "Account \($0)" })
        #expect(items.first?["attributes"] == ["type": "Account"])
        #expect(outcome.structured?["total"] == 5)
        #expect(outcome.structured?["has_more"] == false)

        let requests = org.server.requests
        #expect(requests.map(\.method) == ["POST", "GET", "GET", "GET"])
        #expect(requests.first?.path == "/services/oauth2/token")
        let api = requests.dropFirst()
        #expect(
            api.map(\.path) == [
                "/services/data/v62.0/query", "/services/data/v62.0/query/01gRO0000016PIAYA2-2",
                "/services/data/v62.0/query/01gRO0000016PIAYA2-4",
            ])
        #expect(api.first?.queryValue("q") == "SELECT Id, Name FROM Account")
        #expect(api.allSatisfy { $0.header("Authorization") == "Bearer 00D000000000001!access-1" })
        #expect(api.allSatisfy { $0.header("Sforce-Query-Options") == "batchSize=200" })
        let form = try #require(org.emulation.tokenRequests.first)
        #expect(form.contains("grant_type=refresh_token"))
        #expect(form.contains("refresh_token=\(SalesforceEmulation.refreshToken)"))
        #expect(form.contains("client_id=\(SalesforceEmulation.clientID)"))
    }

    @Test("getting a record returns it without its attributes block")
    func getRecord() async throws {
        let org = try Self.start()
        defer { org.stop() }
        let id = try #require(SalesforceEmulation.account(3)["Id"]?.stringValue)
        let outcome = try await org.salesforce.call(
            "salesforce_records_get", #"{"sobject": "Account", "record_id": "\#(id)", "record_fields": ["Id", "Name"]}"#
        )

        #expect(!outcome.isError, "\(outcome.text)")
        #expect(outcome.structured == ["Id": .string(id), "Name": "Account 3"])
        let request = try #require(org.server.requests.last)
        #expect(request.path == "/services/data/v62.0/sobjects/Account/\(id)")
        #expect(request.queryValue("fields") == "Id,Name")
    }

    @Test("a missing record is not_found with the message from Salesforce's error array")
    func missingRecord() async throws {
        let org = try Self.start()
        defer { org.stop() }
        let outcome = try await org.salesforce.call(
            "salesforce_records_get", #"{"sobject": "Account", "record_id": "001000000000999AAA"}"#)

        let error = try #require(outcome.error)
        #expect(error.type == .notFound)
        #expect(error.message == "The requested resource does not exist")
        #expect(error.vendor?[0]?["errorCode"] == "NOT_FOUND")
    }

    @Test("a malformed SOQL query is invalid_arguments with Salesforce's explanation")
    func malformedQuery() async throws {
        let org = try Self.start()
        defer { org.stop() }
        let outcome = try await org.salesforce.call("salesforce_query_run", #"{"soql": "SELEC Id FROM Account"}"#)

        let error = try #require(outcome.error)
        #expect(error.type == .invalidArguments)
        #expect(error.message == "unexpected token: 'SELEC'")
    }

    @Test("REQUEST_LIMIT_EXCEEDED is rate_limited although Salesforce answers 403")
    func requestLimit() async throws {
        let org = try Self.start()
        defer { org.stop() }
        let outcome = try await org.salesforce.call(
            "salesforce_records_get", #"{"sobject": "Account", "record_id": "001000000000LIMIT"}"#)

        let error = try #require(outcome.error)
        #expect(error.type == .rateLimited)
        #expect(error.status == 403)
        #expect(error.message == "TotalRequests Limit exceeded.")
    }

    @Test("an expired session is refreshed once and the request replayed")
    func expiredSession() async throws {
        let org = try Self.start()
        defer { org.stop() }
        let id = try #require(SalesforceEmulation.account(1)["Id"]?.stringValue)
        let arguments = #"{"sobject": "Account", "record_id": "\#(id)"}"#
        #expect(try await org.salesforce.call("salesforce_records_get", arguments).isError == false)
        org.emulation.expireSession()

        let outcome = try await org.salesforce.call("salesforce_records_get", arguments)
        #expect(!outcome.isError, "\(outcome.text)")
        #expect(org.emulation.tokenRequests.count == 2)
        #expect(org.server.requests.last?.header("Authorization") == "Bearer 00D000000000001!access-2")
    }
}
