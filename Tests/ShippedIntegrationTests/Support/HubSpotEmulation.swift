import JSON
import TestSupport

/// A HubSpot account's CRM v3 objects API: `limit`/`after` lists with `paging.next.after`, POST
/// search with `after` and `limit` in the body, and `{"status": "error", "message", "category"}` failures.
enum HubSpotEmulation {
    static let token = "pat-na1-11111111-2222-3333-4444-555555555555"
    static let contactCount = 300
    static let rateHeaders = [
        ("X-HubSpot-RateLimit-Max", "100"), ("X-HubSpot-RateLimit-Remaining", "99"),
        ("X-HubSpot-RateLimit-Interval-Milliseconds", "10000"),
    ]

    /// The variables the shipped file needs, pointed at `server`.
    static func environment(_ server: LoopbackServer) -> [String: String] {
        ["HUBSPOT_API_URL": server.baseURL, "HUBSPOT_TOKEN": token]
    }

    /// Contact `id` (1-based), a lead when odd and a customer when even.
    static func contact(_ id: Int) -> JSONValue {
        [
            "id": .string(String(id)),
            "properties": [
                "email": .string("c\(id)@example.com"), "hs_object_id": .string(String(id)),
                "lifecyclestage": .string(id % 2 == 0 ? "customer" : "lead"),
            ],
            "createdAt": "2026-01-01T00:00:00Z", "updatedAt": "2026-02-01T00:00:00Z", "archived": false,
        ]
    }

    /// The emulated account.
    static func router() -> Router {
        var router = Router()
        router.on("GET", "/crm/v3/objects/{type}") { request, parameters in
            guard parameters["type"] == "contacts" else { return unknownType(parameters["type"] ?? "") }
            let limit = VendorEmulationKit.int(request, "limit", fallback: 10)
            guard limit <= 100 else { return validation("limit must be 100 or less, got \(limit)") }
            let after = VendorEmulationKit.int(request, "after", fallback: 1)
            let result = page(
                Array(after...contactCount), from: 0, limit: limit, origin: VendorEmulationKit.origin(of: request))
            return VendorEmulationKit.reply(.object(result), headers: rateHeaders)
        }
        router.on("GET", "/crm/v3/objects/{type}/{id}") { _, parameters in
            guard let id = parameters["id"].flatMap({ Int($0) }), (1...contactCount).contains(id) else {
                return VendorEmulationKit.reply(
                    [
                        "status": "error", "message": "Object not found.  objectId are usually numeric.",
                        "correlationId": "8f0c1e5d-1111-2222-3333-444455556666",
                        "context": ["id": [.string(parameters["id"] ?? "")]], "category": "OBJECT_NOT_FOUND",
                    ], status: 404)
            }
            return VendorEmulationKit.reply(contact(id), headers: rateHeaders)
        }
        router.on("POST", "/crm/v3/objects/{type}/search") { request, _ in search(request) }
        return router
    }

    /// Search: filters on `lifecyclestage` (EQ) are applied; `after` is the offset into the matches.
    private static func search(_ request: ReceivedRequest) -> ServerReply {
        let body = VendorEmulationKit.body(of: request) ?? [:]
        let limit = Int(body["limit"]?.intValue ?? 10)
        guard limit <= 200 else { return validation("limit must be 200 or less, got \(limit)") }
        var matches = Array(1...contactCount)
        for filter in body["filterGroups"]?[0]?["filters"]?.arrayValue ?? [] {
            guard filter["propertyName"] == "lifecyclestage", filter["operator"] == "EQ" else {
                return validation("Property \"\(filter["propertyName"]?.plainText ?? "")\" does not exist")
            }
            let stage = filter["value"]?.stringValue
            matches = matches.filter { contact($0)["properties"]?["lifecyclestage"]?.stringValue == stage }
        }
        let offset = body["after"]?.stringValue.flatMap { Int($0) } ?? 0
        var result = page(matches, from: offset, limit: limit, origin: nil)
        result["total"] = .int(Int64(matches.count))
        return VendorEmulationKit.reply(.object(result))
    }

    /// One page of `ids` starting at index `from`; list cursors are the next id, search cursors the next index.
    private static func page(_ ids: [Int], from: Int, limit: Int, origin: String?) -> JSONObject {
        let slice = Array(ids.dropFirst(from).prefix(limit))
        var object: JSONObject = ["results": .array(slice.map(contact))]
        if from + slice.count < ids.count {
            let after = origin == nil ? String(from + slice.count) : String(ids[from + slice.count])
            var next: JSONObject = ["after": .string(after)]
            if let origin { next["link"] = .string("\(origin)/crm/v3/objects/contacts?after=\(after)") }
            object["paging"] = ["next": .object(next)]
        }
        return object
    }

    private static func validation(_ detail: String) -> ServerReply {
        VendorEmulationKit.reply(
            [
                "status": "error", "message": "There was a problem with the request.",
                "correlationId": "2b6e3f1a-1111-2222-3333-444455556666",
                "errors": [["message": .string(detail), "code": "INVALID_VALUE"]], "category": "VALIDATION_ERROR",
            ], status: 400)
    }

    private static func unknownType(_ type: String) -> ServerReply {
        VendorEmulationKit.reply(
            [
                "status": "error", "message": .string("Unable to infer object type from: \(type)"),
                "category": "OBJECT_NOT_FOUND",
            ],
            status: 404)
    }
}
