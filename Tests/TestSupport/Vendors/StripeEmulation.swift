import Foundation
import JSON

/// A loopback emulation of the Stripe API slice the recorded sessions use: three customers listed
/// newest first by `GET /v1/customers` in pages (`data`, `has_more`, the next page asked for with
/// `starting_after` = the last id), `POST /v1/customers` with a form-encoded body (which must carry
/// an `Idempotency-Key`), and Stripe's 404 for an unknown id on `GET /v1/customers/{id}`. Every
/// call checks the secret key and answers Stripe's 401 without it.
package final class StripeEmulation: Sendable {
    /// The id `POST /v1/customers` hands out.
    package static let createdID = "cus_RcNwq0Hn4ZQ7xW"

    private let server: LoopbackServer

    /// Starts the emulation, expecting `Authorization: Bearer <key>`.
    package init(key: String = RecordingSecrets.stripeKey) throws {
        var router = Router()
        let expected = "Bearer " + key
        router.on("GET", "/v1/customers") { request, _ in
            Self.authorized(request, expected) ?? Self.customersPage(request)
        }
        router.on("GET", "/v1/customers/{id}") { request, parameters in
            if let refusal = Self.authorized(request, expected) { return refusal }
            let id = parameters["id"] ?? ""
            guard let customer = Self.customers.first(where: { $0.id == id }) else { return Self.noSuchCustomer(id) }
            return Self.reply(Self.customerJSON(customer))
        }
        router.on("POST", "/v1/customers") { request, _ in
            if let refusal = Self.authorized(request, expected) { return refusal }
            guard request.header("Idempotency-Key") != nil else {
                return .json(
                    400,
                    #"{"error":{"message":"Idempotency-Key required by this emulation","type":"invalid_request_error"}}"#
                )
            }
            let form = Self.formFields(request.bodyText)
            let customer = (
                id: Self.createdID, name: form["name"] ?? "", email: form["email"] ?? "", created: 1_767_225_600
            )
            return Self.reply(Self.customerJSON(customer))
        }
        server = try LoopbackServer(router: router)
    }

    /// `http://127.0.0.1:PORT`, to set as `STRIPE_API_URL`.
    package var baseURL: String { server.baseURL }

    /// Every request received so far.
    package var requests: [ReceivedRequest] { server.requests }

    /// Stops the server.
    package func stop() { server.stop() }

    /// The account's customers, newest first.
    static let customers: [(id: String, name: String, email: String, created: Int)] = [
        ("cus_Rb9Kd2LmQx81Va", "Ada Lovelace", "ada@harbor.example.org", 1_767_139_200),
        ("cus_Rb7Hs0PzYc44Tn", "Grace Hopper", "grace@harbor.example.org", 1_767_052_800),
        ("cus_Rb2Fw6JtUe19Lk", "Katherine Johnson", "katherine@harbor.example.org", 1_766_966_400),
    ]

    /// `nil` when the request carries the expected key, else Stripe's 401.
    static func authorized(_ request: ReceivedRequest, _ expected: String) -> ServerReply? {
        guard request.header("Authorization") != expected else { return nil }
        return .json(
            401,
            #"{"error":{"message":"Invalid API Key provided: sk_test_****","type":"invalid_request_error"}}"#)
    }

    /// Stripe's 404 for an id it does not know.
    static func noSuchCustomer(_ id: String) -> ServerReply {
        .json(
            404,
            JSONValue.object([
                "error": [
                    "code": "resource_missing", "doc_url": "https://stripe.com/docs/error-codes/resource-missing",
                    "message": .string("No such customer: '\(id)'"), "param": "id",
                    "type": "invalid_request_error",
                ]
            ]).encoded(), headers: [("Request-Id", "req_8mQ2cVn0aZ3kLw")])
    }

    /// A 200 JSON reply with Stripe's response headers.
    static func reply(_ value: JSONValue) -> ServerReply {
        .json(200, value.encoded(), headers: [("Request-Id", "req_3xH7pWq1sT9bYe"), ("Stripe-Version", "2024-06-20")])
    }

    /// One page of customers: `limit` of them after `starting_after`.
    static func customersPage(_ request: ReceivedRequest) -> ServerReply {
        let limit = min(100, max(1, Int(request.queryValue("limit") ?? "") ?? 10))
        var start = 0
        if let after = request.queryValue("starting_after") {
            guard let index = customers.firstIndex(where: { $0.id == after }) else { return noSuchCustomer(after) }
            start = index + 1
        }
        let slice = customers.dropFirst(start).prefix(limit)
        return reply([
            "object": "list", "data": .array(slice.map(customerJSON)),
            "has_more": .bool(start + slice.count < customers.count), "url": "/v1/customers",
        ])
    }

    /// A customer object as Stripe returns it.
    static func customerJSON(_ customer: (id: String, name: String, email: String, created: Int)) -> JSONValue {
        [
            "id": .string(customer.id), "object": "customer", "address": nil, "balance": 0,
            "created": .int(Int64(customer.created)), "currency": nil, "default_source": nil, "delinquent": false,
            "description": nil, "discount": nil, "email": .string(customer.email),
            "invoice_prefix": .string(String(customer.id.suffix(8)).uppercased()),
            "invoice_settings": [
                "custom_fields": nil, "default_payment_method": nil, "footer": nil, "rendering_options": nil,
            ],
            "livemode": false, "metadata": [:], "name": .string(customer.name), "next_invoice_sequence": 1,
            "phone": nil, "preferred_locales": [], "shipping": nil, "tax_exempt": "none", "test_clock": nil,
        ]
    }

    /// The fields of an `application/x-www-form-urlencoded` body.
    static func formFields(_ body: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map {
                $0.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0)
            }
            fields[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
        return fields
    }
}
