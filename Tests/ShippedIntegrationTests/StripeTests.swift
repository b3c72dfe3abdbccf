import Foundation
import JSON
import TestSupport
import Testing

@Suite struct StripeTests {
    private static func start() throws -> (StripeEmulation, ShippedIntegration) {
        let emulation = try StripeEmulation()
        let stripe = try ShippedIntegration(file: "stripe.json", environment: emulation.environment)
        return (emulation, stripe)
    }

    @Test("listing customers pages with starting_after set to the last item's id, and the cursor resumes after it")
    func listWalksPages() async throws {
        let (emulation, stripe) = try Self.start()
        defer { emulation.stop() }
        let first = try await stripe.call("stripe_customers_list", #"{"limit": 150}"#)

        #expect(!first.isError, "\(first.text)")
        let items = VendorEmulationKit.items(first)
        #expect(VendorEmulationKit.strings(items, "id") == (1...150).map(StripeEmulation.customerID))
        #expect(items.first?["invoice_settings"] == nil && items.first?["object"] == nil)
        #expect(items.first?["email"] == "customer1@example.com")
        #expect(first.structured?["has_more"] == true)
        let cursor = try #require(first.structured?["next_cursor"]?.stringValue)

        let rest = try await stripe.call("stripe_customers_list", #"{"next_cursor": "\#(cursor)"}"#)
        #expect(
            VendorEmulationKit.strings(VendorEmulationKit.items(rest), "id")
                == (151...160).map(StripeEmulation.customerID))
        #expect(rest.structured?["has_more"] == false)

        let requests = emulation.requests
        #expect(requests.map { $0.queryValue("limit") } == ["100", "50", "25"])
        #expect(
            requests.map { $0.queryValue("starting_after") } == [
                nil, StripeEmulation.customerID(100), StripeEmulation.customerID(150),
            ])
        #expect(requests.allSatisfy { $0.header("Authorization") == "Bearer \(StripeEmulation.apiKey)" })
    }

    @Test("getting a customer returns it")
    func getCustomer() async throws {
        let (emulation, stripe) = try Self.start()
        defer { emulation.stop() }
        let id = StripeEmulation.customerID(42)
        let outcome = try await stripe.call("stripe_customers_get", #"{"customer_id": "\#(id)"}"#)

        #expect(!outcome.isError, "\(outcome.text)")
        #expect(outcome.structured?["id"] == .string(id))
        #expect(outcome.structured?["name"] == "Customer 42")
        #expect(emulation.requests.first?.path == "/v1/customers/\(id)")
    }

    @Test("an unknown customer is not_found with Stripe's message")
    func missingCustomer() async throws {
        let (emulation, stripe) = try Self.start()
        defer { emulation.stop() }
        let outcome = try await stripe.call("stripe_customers_get", #"{"customer_id": "cus_nope"}"#)

        let error = try #require(outcome.error)
        #expect(error.type == .notFound)
        #expect(error.message == "No such customer: 'cus_nope'")
        #expect(error.vendor?["error"]?["code"] == "resource_missing")
    }

    @Test("a declined card (402 card_error) is unprocessable, and the create carried an Idempotency-Key")
    func cardDeclined() async throws {
        let (emulation, stripe) = try Self.start()
        defer { emulation.stop() }
        let outcome = try await stripe.call(
            "stripe_payment_intents_create",
            #"{"amount": 1999, "currency": "usd", "payment_method": "pm_card_visa_chargeDeclined", "confirm": true}"#)

        let error = try #require(outcome.error)
        #expect(error.type == .unprocessable)
        #expect(error.status == 402)
        #expect(error.message == "Your card was declined.")
        #expect(emulation.requests.count == 1)
        #expect(emulation.requests.first?.header("Idempotency-Key")?.isEmpty == false)
    }

    @Test("create bodies are form-encoded, as Stripe requires")
    func createIsFormEncoded() async throws {
        let (emulation, stripe) = try Self.start()
        defer { emulation.stop() }
        _ = try await stripe.call("stripe_customers_create", #"{"email": "ada@example.com", "name": "Ada Lovelace"}"#)
        let request = try #require(emulation.requests.first)
        #expect(request.header("Content-Type") == "application/x-www-form-urlencoded")
        let pairs = PercentDecoding.queryItems(request.bodyText.replacingOccurrences(of: "+", with: " "))
        #expect(pairs.map { "\($0.name)=\($0.value)" } == ["email=ada@example.com", "name=Ada Lovelace"])
    }

    @Test("nested body values use Stripe's bracket notation")
    func nestedFormValues() async throws {
        let (emulation, stripe) = try Self.start()
        defer { emulation.stop() }
        _ = try await stripe.call(
            "stripe_customers_create", #"{"email": "ada@example.com", "metadata": {"plan": "pro", "seat count": 3}}"#)
        let request = try #require(emulation.requests.first)
        let pairs = PercentDecoding.queryItems(request.bodyText.replacingOccurrences(of: "+", with: " "))
        #expect(
            pairs.map { "\($0.name)=\($0.value)" } == [
                "email=ada@example.com", "metadata[plan]=pro", "metadata[seat count]=3",
            ])
    }
}
