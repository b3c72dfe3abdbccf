import JSON
import TestSupport

/// A Zendesk Support account: cursor-paged lists (`page[size]`, `page[after]`, `meta.has_more`,
/// with an `after_cursor` even on the last page, as Zendesk sends it), offset-paged search with an
/// absolute `next_page` URL, and `{"error", "description", "details"}` failures.
enum ZendeskEmulation {
    static let email = "agent@example.com"
    static let apiToken = "zd-api-token-456"
    static let ticketCount = 150
    static let rateHeaders = [
        ("X-Rate-Limit", "700"), ("X-Rate-Limit-Remaining", "699"), ("ratelimit-remaining", "699"),
        ("ratelimit-reset", "41"),
    ]

    /// The variables the shipped file needs, pointed at `server`.
    static func environment(_ server: LoopbackServer) -> [String: String] {
        ["ZENDESK_BASE_URL": server.baseURL, "ZENDESK_EMAIL": email, "ZENDESK_API_TOKEN": apiToken]
    }

    /// Ticket `id`: solved when the id is a multiple of 5, else open.
    static func ticket(_ id: Int, origin: String) -> JSONValue {
        [
            "url": .string("\(origin)/api/v2/tickets/\(id).json"), "id": .int(Int64(id)),
            "subject": .string("Ticket \(id)"), "description": .string("The printer on floor \(id) is on fire."),
            "status": .string(id % 5 == 0 ? "solved" : "open"), "priority": "normal", "requester_id": 9001,
            "assignee_id": 9002, "tags": ["printer"], "via": ["channel": "web", "source": ["rel": nil]],
            "custom_fields": [["id": 360001, "value": nil]], "fields": [["id": 360001, "value": nil]],
            "created_at": "2026-10-01T09:00:00Z", "updated_at": "2026-10-02T09:00:00Z",
        ]
    }

    /// The emulated account.
    static func router() -> Router {
        var router = Router()
        router.on("GET", "/api/v2/tickets") { request, _ in list(request) }
        router.on("GET", "/api/v2/tickets/{id}") { request, parameters in
            guard let id = parameters["id"].flatMap({ Int($0) }), (1...ticketCount).contains(id) else {
                return VendorEmulationKit.reply(["error": "RecordNotFound", "description": "Not found"], status: 404)
            }
            return VendorEmulationKit.reply(["ticket": ticket(id, origin: VendorEmulationKit.origin(of: request))])
        }
        router.on("POST", "/api/v2/tickets") { request, _ in
            let submitted = VendorEmulationKit.body(of: request)?["ticket"]
            var created = ticket(ticketCount + 1, origin: VendorEmulationKit.origin(of: request))
            _ = created.setValue(submitted?["subject"] ?? .null, at: JSONPointer(tokens: ["subject"]))
            return VendorEmulationKit.reply(["ticket": created, "audit": ["id": 77, "events": []]], status: 201)
        }
        router.on("PUT", "/api/v2/tickets/{id}") { _, parameters in
            guard let id = parameters["id"].flatMap({ Int($0) }), id % 5 != 0 else {
                return VendorEmulationKit.reply(
                    [
                        "error": "RecordInvalid", "description": "Record validation errors",
                        "details": ["status": [["description": "Status: closed prevents ticket update"]]],
                    ], status: 422)
            }
            return VendorEmulationKit.reply(["ticket": ["id": .int(Int64(id))]])
        }
        router.on("GET", "/api/v2/search") { request, _ in search(request) }
        router.on("GET", "/api/v2/search.json") { request, _ in search(request) }
        return router
    }

    private static func list(_ request: ReceivedRequest) -> ServerReply {
        let size = VendorEmulationKit.int(request, "page[size]", fallback: 100)
        guard size <= 100 else {
            return VendorEmulationKit.reply(
                ["error": "InvalidPaginationParameter", "description": "page[size] must be less than or equal to 100"],
                status: 400)
        }
        let start = request.queryValue("page[after]").flatMap { Int($0.dropFirst("cursor-".count)) } ?? 0
        let origin = VendorEmulationKit.origin(of: request)
        let ids = Array((1...ticketCount).dropFirst(start).prefix(size))
        let end = start + ids.count
        let page: JSONValue = [
            "tickets": .array(ids.map { ticket($0, origin: origin) }),
            "meta": [
                "has_more": .bool(end < ticketCount), "after_cursor": .string("cursor-\(end)"),
                "before_cursor": .string("cursor-\(start)"),
            ],
            "links": [
                "next": .string("\(origin)/api/v2/tickets.json?page%5Bafter%5D=cursor-\(end)&page%5Bsize%5D=\(size)"),
                "prev": .string(
                    "\(origin)/api/v2/tickets.json?page%5Bbefore%5D=cursor-\(start)&page%5Bsize%5D=\(size)"),
            ],
        ]
        return VendorEmulationKit.reply(page, headers: rateHeaders)
    }

    /// Search understands `type:ticket status:open`; pages are numbered, `next_page` is absolute.
    private static func search(_ request: ReceivedRequest) -> ServerReply {
        let query = (request.queryValue("query") ?? "").replacingOccurrences(of: "+", with: " ")
        let perPage = min(VendorEmulationKit.int(request, "per_page", fallback: 100), 100)
        let page = VendorEmulationKit.int(request, "page", fallback: 1)
        let origin = VendorEmulationKit.origin(of: request)
        let matches = (1...ticketCount).filter { query.contains("status:open") ? $0 % 5 != 0 : true }
        let ids = Array(matches.dropFirst((page - 1) * perPage).prefix(perPage))
        var results: [JSONValue] = []
        for id in ids {
            var result = ticket(id, origin: origin)
            _ = result.setValue("ticket", at: JSONPointer(tokens: ["result_type"]))
            results.append(result)
        }
        let more = page * perPage < matches.count
        let encoded = query.replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: " ", with: "+")
        return VendorEmulationKit.reply(
            [
                "results": .array(results), "facets": nil,
                "next_page": more
                    ? .string("\(origin)/api/v2/search.json?page=\(page + 1)&per_page=\(perPage)&query=\(encoded)")
                    : .null,
                "previous_page": nil, "count": .int(Int64(matches.count)),
            ], headers: rateHeaders)
    }
}
