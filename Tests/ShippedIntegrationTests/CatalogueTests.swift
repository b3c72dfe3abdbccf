import Engine
import Foundation
import JSON
import TestSupport
import Testing

/// The operations issue #16 added to the shipped files, each driven through the real engine
/// against a loopback vendor: lists walk two vendor pages, writes send exactly the documented request.
@Suite struct CatalogueTests {
    @Test("each added list tool walks two vendor pages and resumes where the first stopped", arguments: ListWalk.all)
    func walksTwoPages(_ walk: ListWalk) async throws {
        let emulation = try CatalogueEmulation(walk.vendor, overrides: walk.overrides) { walk.style.reply(to: $0) }
        defer { emulation.server.stop() }
        let outcome = try await emulation.integration.call(walk.tool, walk.callArguments)

        #expect(!outcome.isError, "\(outcome.text)")
        let items = VendorEmulationKit.items(outcome)
        if case .slackIDs = walk.style {
            #expect(items.map(\.plainText) == ["U0001", "U0002", "U0003"])
        } else {
            #expect(VendorEmulationKit.strings(items, "id") == ["item-1", "item-2", "item-3"])
        }
        let requests = emulation.apiRequests
        #expect(requests.count == (walk.pages ? 2 : 1))
        #expect(requests.allSatisfy { $0.method == "GET" && $0.path == walk.vendor.pathPrefix + walk.path })
        for (name, value) in walk.query {
            #expect(requests.allSatisfy { $0.queryValue(name) == value }, "\(name) on \(requests.map(\.target))")
        }
        #expect(requests.map(walk.style.start) == (walk.pages ? [0, PageStyle.pageCap] : [0]))
        if walk.pages {
            #expect(outcome.structured?["has_more"] == true)
        }
    }

    @Test(
        "Slack's history budget (one request a minute by default) stops a longer walk with what it read",
        arguments: ["slack_conversations_history", "slack_conversations_replies"])
    func slackHistoryBudget(_ tool: String) async throws {
        let walk = try #require(ListWalk.all.first { $0.tool == tool })
        let emulation = try CatalogueEmulation(walk.vendor) { walk.style.reply(to: $0) }
        defer { emulation.server.stop() }
        let first = try await emulation.integration.call(tool, walk.callArguments)

        #expect(!first.isError, "\(first.text)")
        #expect(VendorEmulationKit.strings(VendorEmulationKit.items(first), "id") == ["item-1", "item-2"])
        #expect(first.structured?["has_more"] == true)
        let cursor = try #require(first.structured?["next_cursor"]?.stringValue)
        let wait = try #require(first.structured?["retry_after_seconds"]?.doubleValue)
        #expect(wait > 0 && wait <= 60)
        #expect(first.structured?["notice"]?.stringValue?.contains("own request budget (1 per 60 s)") == true)
        #expect(emulation.apiRequests.count == 1)

        // The cursor resumes at the page not read; within the minute the budget refuses it unsent.
        let arguments = String(walk.callArguments.dropLast()) + #", "next_cursor": "\#(cursor)"}"#
        let second = try await emulation.integration.call(tool, arguments)
        #expect(second.error?.type == .rateLimited, "\(second.text)")
        // Real time passed meanwhile (how much depends on the machine): the wait left is shorter, never longer.
        let left = try #require(second.error?.retryAfterSeconds)
        #expect(left > 0 && left <= wait)
        #expect(emulation.apiRequests.count == 1)
    }

    @Test("each added write tool sends the method, path, query and body its vendor documents", arguments: WriteCase.all)
    func sendsDocumentedRequest(_ write: WriteCase) async throws {
        let reply = ServerReply.json(write.status, write.reply)
        let emulation = try CatalogueEmulation(write.vendor) { _ in reply }
        defer { emulation.server.stop() }
        let outcome = try await emulation.integration.call(write.tool, write.arguments)

        #expect(!outcome.isError, "\(outcome.text)")
        let requests = emulation.apiRequests
        #expect(requests.count == 1)
        let request = try #require(requests.first)
        #expect(request.method == write.method)
        #expect(request.path == write.vendor.pathPrefix + write.path)
        #expect(Dictionary(request.queryItems.map { ($0.name, $0.value) }) { $1 } == write.query)
        for (name, value) in write.headers {
            #expect(request.header(name) == value, "\(name)")
        }
        switch write.body {
        case .json(let text):
            #expect(request.header("Content-Type")?.hasPrefix("application/json") == true)
            #expect(VendorEmulationKit.body(of: request) == (try JSONParser.parse(Data(text.utf8))))
        case .form(let pairs):
            #expect(request.header("Content-Type") == "application/x-www-form-urlencoded")
            let decoded = PercentDecoding.queryItems(request.bodyText.replacingOccurrences(of: "+", with: " "))
            #expect(decoded.map { "\($0.name)=\($0.value)" }.sorted() == pairs.sorted())
        case .none:
            #expect(request.body.isEmpty)
        }
    }

    @Test("an sObject name that is not an API name never reaches Salesforce")
    func sobjectNameIsChecked() async throws {
        let emulation = try CatalogueEmulation(.salesforce) { _ in .json(#"{"id":"x"}"#) }
        defer { emulation.server.stop() }
        for name in ["../../query", "Account/describe", "Account?q=1", ""] {
            let outcome = try await emulation.integration.call(
                "salesforce_records_get", #"{"sobject": "\#(name)", "record_id": "001"}"#)
            #expect(outcome.error?.type == .invalidArguments, "\(name)")
        }
        #expect(emulation.apiRequests.isEmpty)
    }

    @Test("Stripe writes pin Stripe-Version, and STRIPE_API_VERSION overrides it")
    func stripeVersionIsPinned() async throws {
        let emulation = try CatalogueEmulation(.stripe, overrides: ["STRIPE_API_VERSION": "2025-03-31.basil"]) { _ in
            .json(#"{"id":"cus_1"}"#)
        }
        defer { emulation.server.stop() }
        _ = try await emulation.integration.call("stripe_customers_get", #"{"customer_id": "cus_1"}"#)
        #expect(emulation.apiRequests.first?.header("Stripe-Version") == "2025-03-31.basil")
    }
}
