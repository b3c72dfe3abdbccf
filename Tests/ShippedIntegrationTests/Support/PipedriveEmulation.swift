import Foundation
import JSON
import TestSupport

/// An in-process Pipedrive API v2 at `/api/v2/...` with Pipedrive's real shapes: `{"success",
/// "data", "additional_data": {"next_cursor"}}` (a `null` cursor on the last page), errors as
/// `{"success": false, "error", "error_info", "data": null}`, the `x-api-token` header, the
/// `x-ratelimit-*` headers, and `limit` capped at 500 (100 for item search, refused above).
final class PipedriveEmulation: Sendable {
    /// The API token the emulation accepts.
    static let token = "0123456789abcdef0123456789abcdef01234567"
    /// The deals of the account, by ascending ID; every third one is won.
    static let deals: [JSONValue] = (1...7).map { id in
        var deal: JSONObject = ["id": .int(Int64(id)), "title": .string("Deal \(id)"), "currency": "EUR"]
        deal["value"] = .int(Int64(id * 1000))
        deal["status"] = id % 3 == 0 ? "won" : "open"
        deal["stage_id"] = 1
        deal["pipeline_id"] = 1
        deal["person_id"] = .int(Int64(100 + id))
        deal["org_id"] = 7
        deal["add_time"] = .string("2026-01-0\(id)T10:00:00Z")
        deal["custom_fields"] = .object(JSONObject())
        return .object(deal)
    }
    /// People whose names match the search term "acme", in relevance order.
    static let searchHits: [JSONValue] = (1...130).map { id in
        [
            "result_score": 0.5,
            "item": ["id": .int(Int64(id)), "type": "person", "name": .string("Acme contact \(id)")],
        ]
    }
    /// The rate-limit headers Pipedrive sends with every answer (an Advanced plan's burst window).
    static let rateHeaders = [("x-ratelimit-limit", "40"), ("x-ratelimit-remaining", "39"), ("x-ratelimit-reset", "2")]
    private static let errorInfo = "Please check developers.pipedrive.com for more information about Pipedrive API."

    /// The server; stop it when the test ends.
    let server: LoopbackServer

    /// Starts the emulation.
    init() throws {
        var router = Router()
        router.on("GET", "/api/v2/deals") { request, _ in
            if let refusal = Self.authorized(request) { return refusal }
            let status = request.queryValue("status")
            let matching = Self.deals.filter { status == nil || $0["status"]?.stringValue == status }
            return Self.page(of: matching, request: request, maxLimit: 500) { .array($0) }
        }
        router.on("GET", "/api/v2/deals/{id}") { request, parameters in
            if let refusal = Self.authorized(request) { return refusal }
            guard let deal = Self.deals.first(where: { $0["id"]?.plainText == parameters["id"] }) else {
                return Self.failure(404, "Deal not found")
            }
            return .json(JSONValue.object(["success": true, "data": deal]).encoded(), headers: Self.rateHeaders)
        }
        router.on("POST", "/api/v2/deals") { request, _ in
            Self.authorized(request) ?? Self.created(request, id: 501)
        }
        router.on("POST", "/api/v2/organizations") { request, _ in
            Self.authorized(request) ?? Self.created(request, id: 601)
        }
        router.on("GET", "/api/v2/itemSearch") { request, _ in
            if let refusal = Self.authorized(request) { return refusal }
            guard let term = request.queryValue("term"), term.count >= 2 else {
                return Self.failure(400, "Validation failed: term: Search term must be at least 2 characters long")
            }
            let hits = term.lowercased() == "acme" ? Self.searchHits : []
            return Self.page(of: hits, request: request, maxLimit: 100) { .object(["items": .array($0)]) }
        }
        server = try LoopbackServer(router: router)
    }

    /// The variables that point `Integrations/pipedrive.json` at this emulation.
    var environment: [String: String] {
        ["PIPEDRIVE_BASE_URL": server.baseURL, "PIPEDRIVE_API_TOKEN": Self.token]
    }

    /// Pipedrive's opaque cursor for the page starting at `offset` (unpadded base64 of JSON, like Pipedrive's).
    static func cursor(_ offset: Int) -> String {
        Data(#"{"offset":\#(offset)}"#.utf8).base64EncodedString().replacingOccurrences(of: "=", with: "")
    }

    private static func offset(of cursor: String?) -> Int? {
        guard let cursor else { return 0 }
        let padded = cursor + String(repeating: "=", count: (4 - cursor.count % 4) % 4)
        guard let data = Data(base64Encoded: padded), let value = try? JSONParser.parse(data) else { return nil }
        return value["offset"]?.intValue.map { Int($0) }
    }

    private static func authorized(_ request: ReceivedRequest) -> ServerReply? {
        guard request.header("x-api-token") == token, request.queryValue("api_token") == nil else {
            let body: JSONValue = [
                "success": false, "error": "unauthorized access", "errorCode": 401, "error_info": .string(errorInfo),
            ]
            return .json(401, body.encoded())
        }
        return nil
    }

    private static func failure(_ status: Int, _ message: String) -> ServerReply {
        let body: JSONValue = [
            "success": false, "error": .string(message), "error_info": .string(errorInfo), "data": nil,
            "additional_data": nil,
        ]
        return .json(status, body.encoded(), headers: rateHeaders)
    }

    private static func page(
        of records: [JSONValue], request: ReceivedRequest, maxLimit: Int, wrap: ([JSONValue]) -> JSONValue
    ) -> ServerReply {
        guard let start = offset(of: request.queryValue("cursor")), start <= records.count else {
            return failure(400, "Invalid cursor")
        }
        let limit = Int(request.queryValue("limit") ?? "100") ?? 0
        guard (1...maxLimit).contains(limit) else {
            return failure(400, "Validation failed: limit: Number must be less than or equal to \(maxLimit)")
        }
        let end = min(records.count, start + limit)
        let next: JSONValue = end < records.count ? .string(cursor(end)) : .null
        let body: JSONValue = [
            "success": true, "data": wrap(Array(records[start..<end])), "additional_data": ["next_cursor": next],
        ]
        return .json(body.encoded(), headers: rateHeaders)
    }

    private static func created(_ request: ReceivedRequest, id: Int64) -> ServerReply {
        guard case .object(var object)? = try? JSONParser.parse(request.body) else {
            return failure(400, "Validation failed: body must be a JSON object")
        }
        object["id"] = .int(id)
        return .json(JSONValue.object(["success": true, "data": .object(object)]).encoded(), headers: rateHeaders)
    }
}
