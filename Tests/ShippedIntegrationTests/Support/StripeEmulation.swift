import JSON
import TestSupport

/// A Stripe account: list objects (`{"object": "list", "data", "has_more"}`) paged by `limit` and
/// `starting_after` (the last item's id), newest first, and `{"error": {"type", "code", "message"}}` failures.
enum StripeEmulation {
    static let apiKey = "sk_test_51EmulatedKeyForLoopbackTestsOnly"
    static let customerCount = 160

    /// The variables the shipped file needs, pointed at `server`.
    static func environment(_ server: LoopbackServer) -> [String: String] {
        ["STRIPE_API_URL": server.baseURL, "STRIPE_API_KEY": apiKey]
    }

    /// The id of the `rank`-th newest customer (1 is the newest).
    static func customerID(_ rank: Int) -> String {
        "cus_P" + String(repeating: "0", count: 4 - String(rank).count) + String(rank)
    }

    /// The `rank`-th newest customer, noise included.
    static func customer(_ rank: Int) -> JSONValue {
        [
            "id": .string(customerID(rank)), "object": "customer", "balance": 0,
            "created": .int(Int64(1_790_000_000 - rank)), "email": .string("customer\(rank)@example.com"),
            "name": .string("Customer \(rank)"), "livemode": false, "metadata": [:],
            "invoice_settings": [
                "custom_fields": nil, "default_payment_method": nil, "footer": nil, "rendering_options": nil,
            ],
            "test_clock": nil,
        ]
    }

    /// The emulated account.
    static func router() -> Router {
        var router = Router()
        router.on("GET", "/v1/customers") { request, _ in
            let limit = VendorEmulationKit.int(request, "limit", fallback: 10)
            guard (1...100).contains(limit) else {
                return failure(
                    400, type: "invalid_request_error", code: nil, message: "Invalid integer: \(limit)",
                    parameter: "limit")
            }
            var ranks = Array(1...customerCount)
            if let after = request.queryValue("starting_after") {
                guard let index = ranks.firstIndex(where: { customerID($0) == after }) else {
                    return failure(
                        400, type: "invalid_request_error", code: "resource_missing",
                        message: "No such customer: '\(after)'", parameter: "starting_after")
                }
                ranks = Array(ranks[(index + 1)...])
            }
            let page = Array(ranks.prefix(limit))
            return VendorEmulationKit.reply([
                "object": "list", "url": "/v1/customers", "has_more": .bool(page.count < ranks.count),
                "data": .array(page.map(customer)),
            ])
        }
        router.on("GET", "/v1/customers/{id}") { _, parameters in
            let id = parameters["id"] ?? ""
            guard let rank = (1...customerCount).first(where: { customerID($0) == id }) else {
                return failure(
                    404, type: "invalid_request_error", code: "resource_missing", message: "No such customer: '\(id)'",
                    parameter: "id")
            }
            return VendorEmulationKit.reply(customer(rank))
        }
        router.on("POST", "/v1/payment_intents") { _, _ in
            failure(402, type: "card_error", code: "card_declined", message: "Your card was declined.", parameter: nil)
        }
        router.on("POST", "/v1/customers") { _, _ in VendorEmulationKit.reply(customer(1)) }
        return router
    }

    private static func failure(_ status: Int, type: String, code: String?, message: String, parameter: String?)
        -> ServerReply
    {
        var error: JSONObject = ["type": .string(type), "message": .string(message)]
        if let code {
            error["code"] = .string(code)
            error["doc_url"] = .string(
                "https://stripe.com/docs/error-codes/\(code.replacingOccurrences(of: "_", with: "-"))")
        }
        if let parameter { error["param"] = .string(parameter) }
        error["request_log_url"] = "https://dashboard.stripe.com/test/logs/req_emulated?t=1790000000"
        return VendorEmulationKit.reply(
            ["error": .object(error)], status: status, headers: [("Request-Id", "req_emulated")])
    }
}
