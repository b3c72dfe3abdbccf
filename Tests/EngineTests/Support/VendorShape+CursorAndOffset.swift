import Foundation
import JSON
import TestSupport

extension VendorShape {
    /// HubSpot CRM: `limit` (max here 20) and `after` from `paging.next.after`; the last page has no `paging`.
    static let hubspot: VendorShape = {
        let total = 95
        let max = 20
        return VendorShape(
            name: "HubSpot paging.next.after", itemCount: total, pageMax: max,
            operation: #"""
                "request": "GET /crm/v3/objects/contacts",
                "description": "List contacts in the CRM, oldest first.",
                "pagination": {"style": "cursor", "records": "/results", "page_size": {"param": "limit", "max": 20},
                               "cursor": {"param": "after", "from": "/paging/next/after"}}
                """#,
            arguments: [:],
            install: { router in
                router.on("GET", "/crm/v3/objects/contacts") { request, _ in
                    let start = request.queryValue("after").map { (Int($0) ?? 0) - 1000 } ?? 0
                    let (items, end) = VendorItems.slice(
                        from: start, size: min(VendorItems.int(request, "limit", 10), max), total: total)
                    var body: JSONObject = ["results": items]
                    if end < total {
                        let after = String(end + 1000)
                        body["paging"] = [
                            "next": [
                                "after": .string(after), "link": .string("/crm/v3/objects/contacts?after=\(after)"),
                            ]
                        ]
                    }
                    return VendorItems.reply(.object(body))
                }
            })
    }()

    /// Zendesk cursor pagination: `page[size]`, `page[after]` from `meta.after_cursor` while `meta.has_more`.
    static let zendesk: VendorShape = {
        let total = 95
        let max = 20
        return VendorShape(
            name: "Zendesk page[after] + meta.has_more", itemCount: total, pageMax: max,
            operation: #"""
                "request": "GET /api/v2/tickets",
                "description": "List tickets in the help desk, oldest first.",
                "pagination": {"style": "cursor", "records": "/tickets", "page_size": {"param": "page[size]", "max": 20},
                               "cursor": {"param": "page[after]", "from": "/meta/after_cursor"}, "has_more": "/meta/has_more"}
                """#,
            arguments: [:],
            install: { router in
                router.on("GET", "/api/v2/tickets") { request, _ in
                    var start = 0
                    if let after = request.queryValue("page[after]") {
                        guard let data = Data(base64Encoded: after), let text = String(data: data, encoding: .utf8),
                            text.hasPrefix("o:"), let value = Int(text.dropFirst(2))
                        else {
                            return .json(400, #"{"error":"InvalidPaginationParameter","description":"bad cursor"}"#)
                        }
                        start = value
                    }
                    let size = min(VendorItems.int(request, "page[size]", 100), max)
                    let (items, end) = VendorItems.slice(from: start, size: size, total: total)
                    // The after cursor is sent on the last page too: only has_more says it is the end.
                    let meta: JSONValue = [
                        "has_more": .bool(end < total),
                        "after_cursor": .string(Data("o:\(end)".utf8).base64EncodedString()),
                        "before_cursor": .string(Data("o:\(start)".utf8).base64EncodedString()),
                    ]
                    return VendorItems.reply([
                        "tickets": items, "meta": meta, "links": ["next": "/api/v2/tickets.json"],
                    ])
                }
            })
    }()

    /// Stripe: `limit` (max here 20) and `starting_after` = the last item's `id`, while `has_more`.
    static let stripe: VendorShape = {
        let total = 95
        let max = 20
        return VendorShape(
            name: "Stripe starting_after from last item", itemCount: total, pageMax: max,
            operation: #"""
                "request": "GET /v1/customers",
                "description": "List customers, oldest first, with their ids.",
                "pagination": {"style": "cursor", "records": "/data", "page_size": {"param": "limit", "max": 20},
                               "cursor": {"param": "starting_after", "from_last_item": "/id"}, "has_more": "/has_more"}
                """#,
            arguments: [:],
            install: { router in
                router.on("GET", "/v1/customers") { request, _ in
                    var start = 0
                    if let after = request.queryValue("starting_after") {
                        guard after.hasPrefix("cus_"), let number = Int(after.dropFirst(4)) else {
                            return .json(
                                400, #"{"error":{"type":"invalid_request_error","message":"No such customer"}}"#)
                        }
                        start = number
                    }
                    let size = min(VendorItems.int(request, "limit", 10), max)
                    let (items, end) = VendorItems.slice(from: start, size: size, total: total, idPrefix: "cus_")
                    return VendorItems.reply([
                        "object": "list", "url": "/v1/customers", "has_more": .bool(end < total), "data": items,
                    ])
                }
            })
    }()

    /// Notion: a POST query whose body carries `page_size` and `start_cursor`; `next_cursor` while `has_more`.
    static let notion: VendorShape = {
        let total = 95
        let max = 20
        return VendorShape(
            name: "Notion start_cursor in a POST body", itemCount: total, pageMax: max,
            operation: #"""
                "request": "POST /v1/databases/{database_id}/query",
                "description": "Query a database and list its pages in order.",
                "parameters": {
                    "database_id": {"in": "path", "type": "string", "description": "The database."},
                    "filter": {"in": "body", "type": "object", "description": "A Notion filter object."}
                },
                "pagination": {"style": "cursor", "records": "/results", "page_size": {"param": "page_size", "in": "body", "max": 20},
                               "cursor": {"param": "start_cursor", "in": "body", "from": "/next_cursor"}, "has_more": "/has_more"}
                """#,
            arguments: [
                "database_id": "d9824bdc-8445-4327-be8b-5b47500af6ce",
                "filter": ["property": "Done", "checkbox": ["equals": false]],
            ],
            install: { router in
                router.on("POST", "/v1/databases/{id}/query") { request, _ in
                    guard let body = try? JSONParser.parse(request.body), body["filter"] != nil else {
                        return .json(
                            400,
                            #"{"object":"error","status":400,"code":"validation_error","message":"body.filter is missing"}"#
                        )
                    }
                    var start = 0
                    if let cursor = body["start_cursor"] {
                        guard let text = cursor.stringValue, text.hasSuffix("-4000-8000-000000000000"),
                            let value = Int(text.prefix(8), radix: 16)
                        else {
                            return .json(
                                400,
                                #"{"object":"error","status":400,"code":"validation_error","message":"start_cursor is invalid"}"#
                            )
                        }
                        start = value
                    }
                    let size = min(Int(body["page_size"]?.intValue ?? 100), max)
                    let (items, end) = VendorItems.slice(from: start, size: size, total: total)
                    let next: JSONValue =
                        end < total ? .string(String(format: "%08x-0000-4000-8000-000000000000", end)) : .null
                    return VendorItems.reply([
                        "object": "list", "results": items, "next_cursor": next, "has_more": .bool(end < total),
                    ])
                }
            })
    }()

    /// Jira: `startAt` and `maxResults` (max 50, and the server may return fewer), `total`.
    static let jira: VendorShape = {
        let total = 95
        let max = 50
        return VendorShape(
            name: "Jira startAt/maxResults/total", itemCount: total, pageMax: max,
            operation: #"""
                "request": "GET /rest/api/3/search",
                "description": "Search issues with JQL and list them in order.",
                "parameters": {"jql": {"in": "query", "type": "string", "default": "order by created", "description": "JQL."}},
                "pagination": {"style": "offset", "records": "/issues", "offset": {"param": "startAt"},
                               "page_size": {"param": "maxResults", "max": 50}, "total": "/total"}
                """#,
            arguments: [:],
            install: { router in
                router.on("GET", "/rest/api/3/search") { request, _ in
                    let startAt = VendorItems.int(request, "startAt", 0)
                    let maxResults = min(VendorItems.int(request, "maxResults", 50), max)
                    let (items, _) = VendorItems.slice(from: startAt, size: maxResults, total: total)
                    return VendorItems.reply([
                        "expand": "schema,names", "startAt": .int(Int64(startAt)),
                        "maxResults": .int(Int64(maxResults)),
                        "total": .int(Int64(total)), "issues": items,
                    ])
                }
            })
    }()

    /// Pipedrive-style offsets: `start` and `limit` (max here 20), `more_items_in_collection`.
    static let pipedrive: VendorShape = {
        let total = 95
        let max = 20
        return VendorShape(
            name: "offset start/limit + more_items_in_collection", itemCount: total, pageMax: max,
            operation: #"""
                "request": "GET /v1/deals",
                "description": "List deals in the pipeline, oldest first.",
                "pagination": {"style": "offset", "records": "/data", "offset": {"param": "start"},
                               "page_size": {"param": "limit", "max": 20},
                               "has_more": "/additional_data/pagination/more_items_in_collection"}
                """#,
            arguments: [:],
            install: { router in
                router.on("GET", "/v1/deals") { request, _ in
                    let start = VendorItems.int(request, "start", 0)
                    let limit = min(VendorItems.int(request, "limit", 100), max)
                    let (items, end) = VendorItems.slice(from: start, size: limit, total: total)
                    let pagination: JSONValue = [
                        "start": .int(Int64(start)), "limit": .int(Int64(limit)),
                        "more_items_in_collection": .bool(end < total),
                        "next_start": .int(Int64(end)),
                    ]
                    return VendorItems.reply([
                        "success": true, "data": items, "additional_data": ["pagination": pagination],
                    ])
                }
            })
    }()
}
