import Foundation
import JSON

/// A loopback emulation of the Stripe API with Stripe's real shapes: list objects
/// (`{"object": "list", "data", "has_more"}`) paged by `limit` (1 to 100) and `starting_after`
/// (the last item's id), newest first; failures as `{"error": {"code", "doc_url", "message",
/// "param", "type"}}` with Stripe's statuses; `Request-Id` on every answer.
///
/// Routes: `GET /v1/customers`, `GET /v1/customers/{id}` (404 `resource_missing` for an unknown
/// id), `POST /v1/customers` (form-encoded, and it must carry an `Idempotency-Key`) and
/// `POST /v1/payment_intents` (always a declined card, 402 `card_error`). Every call checks the
/// secret key and answers Stripe's 401 without it. The recorded sessions and the
/// shipped-integration tests both drive it; only the customers differ (``Customer``).
package final class StripeEmulation: Sendable {
    /// The secret key the emulation accepts unless told otherwise.
    package static let apiKey = "sk_test_51EmulatedKeyForLoopbackTestsOnly"
    /// The id `POST /v1/customers` hands out.
    package static let createdID = "cus_RcNwq0Hn4ZQ7xW"

    private let server: LoopbackServer
    private let key: String

    /// Starts the emulation with the account's `customers` (newest first), expecting
    /// `Authorization: Bearer <key>`.
    package init(key: String = StripeEmulation.apiKey, customers: [Customer] = StripeEmulation.numberedCustomers)
        throws
    {
        self.key = key
        var router = Router()
        let expected = "Bearer " + key
        router.on("GET", "/v1/customers") { request, _ in
            Self.authorized(request, expected) ?? Self.customersPage(request, customers)
        }
        router.on("GET", "/v1/customers/{id}") { request, parameters in
            if let refusal = Self.authorized(request, expected) { return refusal }
            let id = parameters["id"] ?? ""
            guard let customer = customers.first(where: { $0.id == id }) else {
                return Self.noSuchCustomer(id, status: 404, parameter: "id")
            }
            return Self.reply(customer.json)
        }
        router.on("POST", "/v1/customers") { request, _ in
            if let refusal = Self.authorized(request, expected) { return refusal }
            guard request.header("Idempotency-Key") != nil else {
                return Self.failure(
                    400, type: "invalid_request_error", message: "Idempotency-Key required by this emulation")
            }
            let form = Self.formFields(request.bodyText)
            let customer = Customer(
                id: Self.createdID, name: form["name"] ?? "", email: form["email"] ?? "", created: 1_767_225_600)
            return Self.reply(customer.json)
        }
        router.on("POST", "/v1/payment_intents") { request, _ in
            Self.authorized(request, expected)
                ?? Self.failure(402, type: "card_error", code: "card_declined", message: "Your card was declined.")
        }
        server = try LoopbackServer(router: router)
    }

    /// `http://127.0.0.1:PORT`, to set as `STRIPE_API_URL`.
    package var baseURL: String { server.baseURL }

    /// The variables that point `Integrations/stripe.json` at this emulation, with its key.
    package var environment: [String: String] { ["STRIPE_API_URL": baseURL, "STRIPE_API_KEY": key] }

    /// Every request received so far.
    package var requests: [ReceivedRequest] { server.requests }

    /// Stops the server.
    package func stop() { server.stop() }

    /// `nil` when the request carries the expected key, else Stripe's 401.
    private static func authorized(_ request: ReceivedRequest, _ expected: String) -> ServerReply? {
        guard request.header("Authorization") != expected else { return nil }
        return failure(401, type: "invalid_request_error", message: "Invalid API Key provided: sk_test_****")
    }

    /// Stripe's answer for an id it does not know (404 on a get, 400 as a list's `starting_after`).
    private static func noSuchCustomer(_ id: String, status: Int, parameter: String) -> ServerReply {
        failure(
            status, type: "invalid_request_error", code: "resource_missing", message: "No such customer: '\(id)'",
            parameter: parameter)
    }

    /// A Stripe error body, members in Stripe's order, with a `Request-Id`.
    private static func failure(
        _ status: Int, type: String, code: String? = nil, message: String, parameter: String? = nil
    ) -> ServerReply {
        var error: JSONObject = [:]
        if let code {
            error["code"] = .string(code)
            error["doc_url"] = .string(
                "https://stripe.com/docs/error-codes/\(code.replacingOccurrences(of: "_", with: "-"))")
        }
        error["message"] = .string(message)
        if let parameter { error["param"] = .string(parameter) }
        error["type"] = .string(type)
        return .json(
            status, JSONValue.object(["error": .object(error)]).encoded(),
            headers: [("Request-Id", "req_8mQ2cVn0aZ3kLw")])
    }

    /// A 200 JSON reply with Stripe's response headers.
    private static func reply(_ value: JSONValue) -> ServerReply {
        .json(200, value.encoded(), headers: [("Request-Id", "req_3xH7pWq1sT9bYe"), ("Stripe-Version", "2024-06-20")])
    }

    /// One page of customers: `limit` of them after `starting_after`.
    private static func customersPage(_ request: ReceivedRequest, _ customers: [Customer]) -> ServerReply {
        let limit = request.queryValue("limit").map { Int($0) ?? 0 } ?? 10
        guard (1...100).contains(limit) else {
            return failure(
                400, type: "invalid_request_error", message: "Invalid integer: \(request.queryValue("limit") ?? "")",
                parameter: "limit")
        }
        var start = 0
        if let after = request.queryValue("starting_after") {
            guard let index = customers.firstIndex(where: { $0.id == after }) else {
                return noSuchCustomer(after, status: 400, parameter: "starting_after")
            }
            start = index + 1
        }
        let slice = customers.dropFirst(start).prefix(limit)
        return reply([
            "object": "list", "data": .array(slice.map(\.json)),
            "has_more": .bool(start + slice.count < customers.count), "url": "/v1/customers",
        ])
    }

    /// The fields of an `application/x-www-form-urlencoded` body.
    private static func formFields(_ body: String) -> [String: String] {
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
