import Foundation
import JSON
import TestSupport

/// An in-process Notion API at `/v1/...` with Notion's real shapes: list objects `{"object":
/// "list", "results", "next_cursor", "has_more"}` whose cursor is the next item's ID, paging in the
/// JSON body for `POST` endpoints and in the query for `GET` ones, `page_size` capped at 100
/// (refused above), the required `Notion-Version` header, and errors as `{"object": "error",
/// "status", "code", "message"}`.
final class NotionEmulation: Sendable {
    /// The integration token the emulation accepts.
    static let token = "ntn_emulated_4f1c2b7d9e"
    /// The API version the shipped file must send.
    static let version = "2026-03-11"
    /// The data source whose rows ``rows`` are.
    static let dataSourceID = "1f9e7b2a-0000-4000-8000-00000000d500"
    /// Every page shared with the integration, in the order search returns them.
    static let pages: [JSONValue] = (1...130).map { page(number: $0, title: "Roadmap \($0)") }
    /// The rows of ``dataSourceID``.
    static let rows: [JSONValue] = (1...5).map { page(number: 1000 + $0, title: "Task \($0)") }
    /// The blocks inside page 1.
    static let blocks: [JSONValue] = (1...5).map { number in
        [
            "object": "block", "id": .string(id(2000 + number)), "type": "paragraph", "has_children": false,
            "parent": ["type": "page_id", "page_id": .string(id(1))],
            "created_by": ["object": "user", "id": "u1"], "last_edited_by": ["object": "user", "id": "u1"],
            "paragraph": ["rich_text": [["type": "text", "plain_text": .string("Paragraph \(number)")]]],
        ]
    }

    /// The server; stop it when the test ends.
    let server: LoopbackServer

    /// Starts the emulation.
    init() throws {
        var router = Router(fallback: { _ in Self.failure(400, "invalid_request_url", "Invalid request URL.") })
        router.on("POST", "/v1/search") { request, _ in
            if let refusal = Self.checkHeaders(request) { return refusal }
            guard let body = try? JSONParser.parse(request.body) else { return Self.invalidJSON() }
            let query = body["query"]?.stringValue?.lowercased() ?? ""
            let results =
                body["filter"]?["value"] == "data_source"
                ? []
                : Self.pages.filter { page in
                    query.isEmpty || Self.title(of: page).lowercased().contains(query)
                }
            return Self.list(results, pageSize: body["page_size"], cursor: body["start_cursor"])
        }
        router.on("POST", "/v1/data_sources/{id}/query") { request, parameters in
            if let refusal = Self.checkHeaders(request) { return refusal }
            guard parameters["id"] == Self.dataSourceID else { return Self.notFound("data source", parameters["id"]) }
            guard let body = try? JSONParser.parse(request.body) else { return Self.invalidJSON() }
            return Self.list(Self.rows, pageSize: body["page_size"], cursor: body["start_cursor"])
        }
        router.on("GET", "/v1/blocks/{id}/children") { request, parameters in
            if let refusal = Self.checkHeaders(request) { return refusal }
            guard parameters["id"] == Self.id(1) else { return Self.notFound("block", parameters["id"]) }
            let size = request.queryValue("page_size").flatMap(Int64.init).map(JSONValue.int)
            return Self.list(
                Self.blocks, pageSize: size, cursor: request.queryValue("start_cursor").map(JSONValue.string))
        }
        router.on("GET", "/v1/pages/{id}") { request, parameters in
            if let refusal = Self.checkHeaders(request) { return refusal }
            guard let page = Self.pages.first(where: { $0["id"]?.stringValue == parameters["id"] }) else {
                return Self.notFound("page", parameters["id"])
            }
            return .json(page.encoded())
        }
        router.on("GET", "/v1/pages/{id}/markdown") { request, parameters in
            if let refusal = Self.checkHeaders(request) { return refusal }
            let body: JSONValue = [
                "object": "page_markdown", "id": .string(parameters["id"] ?? ""),
                "markdown": "# Roadmap 1\n\n- [ ] Ship the data source migration\n", "truncated": false,
                "unknown_block_ids": [],
            ]
            return .json(body.encoded())
        }
        router.on("PATCH", "/v1/pages/{id}") { request, parameters in
            if let refusal = Self.checkHeaders(request) { return refusal }
            guard case .object(var page)? = Self.pages.first(where: { $0["id"]?.stringValue == parameters["id"] }),
                let body = try? JSONParser.parse(request.body)
            else { return Self.notFound("page", parameters["id"]) }
            if let trash = body["in_trash"] { page["in_trash"] = trash }
            if case .object(var properties)? = page["properties"], let changes = body["properties"]?.objectValue {
                for change in changes { properties[change.key] = change.value }
                page["properties"] = .object(properties)
            }
            return .json(JSONValue.object(page).encoded())
        }
        server = try LoopbackServer(router: router)
    }

    /// The variables that point `Integrations/notion.json` at this emulation.
    var environment: [String: String] {
        ["NOTION_API_URL": server.baseURL, "NOTION_TOKEN": Self.token]
    }

    /// A stable UUID for a number, e.g. `00000000-0000-4000-8000-000000000007`.
    static func id(_ number: Int) -> String {
        let digits = String(number)
        return "00000000-0000-4000-8000-" + String(repeating: "0", count: 12 - digits.count) + digits
    }

    private static func page(number: Int, title: String) -> JSONValue {
        [
            "object": "page", "id": .string(id(number)), "created_time": "2026-03-01T09:00:00.000Z",
            "last_edited_time": "2026-03-02T09:00:00.000Z", "created_by": ["object": "user", "id": "u1"],
            "last_edited_by": ["object": "user", "id": "u1"], "cover": nil, "icon": ["type": "emoji", "emoji": "🗺️"],
            "parent": ["type": "workspace", "workspace": true], "in_trash": false, "is_locked": false,
            "properties": [
                "title": [
                    "id": "title", "type": "title",
                    "title": [["type": "text", "text": ["content": .string(title)], "plain_text": .string(title)]],
                ]
            ],
            "url": .string("https://www.notion.so/\(number)"), "public_url": nil,
        ]
    }

    private static func title(of page: JSONValue) -> String {
        page["properties"]?["title"]?["title"]?[0]?["plain_text"]?.stringValue ?? ""
    }

    private static func checkHeaders(_ request: ReceivedRequest) -> ServerReply? {
        guard request.header("Authorization") == "Bearer \(token)" else {
            return failure(401, "unauthorized", "API token is invalid.")
        }
        guard request.header("Notion-Version") == version else {
            let found = request.header("Notion-Version") ?? "undefined"
            return failure(400, "missing_version", "Notion-Version header failed validation: instead was `\(found)`.")
        }
        return nil
    }

    private static func list(_ records: [JSONValue], pageSize: JSONValue?, cursor: JSONValue?) -> ServerReply {
        let size = pageSize?.intValue.map { Int($0) } ?? 100
        guard (1...100).contains(size) else {
            return failure(
                400, "validation_error",
                "body failed validation: body.page_size should be ≤ `100`, instead was `\(size)`.")
        }
        var start = 0
        if let cursor = cursor?.stringValue {
            guard let index = records.firstIndex(where: { $0["id"]?.stringValue == cursor }) else {
                return failure(400, "validation_error", "The start_cursor provided is invalid: \(cursor)")
            }
            start = index
        }
        let end = min(records.count, start + size)
        let next: JSONValue = end < records.count ? records[end]["id"] ?? .null : .null
        let body: JSONValue = [
            "object": "list", "results": .array(Array(records[start..<end])), "next_cursor": next,
            "has_more": .bool(end < records.count), "type": "page_or_data_source", "page_or_data_source": [:],
        ]
        return .json(body.encoded())
    }

    private static func notFound(_ kind: String, _ id: String?) -> ServerReply {
        failure(
            404, "object_not_found",
            "Could not find \(kind) with ID: \(id ?? ""). Make sure the relevant pages and databases are shared with your integration."
        )
    }

    private static func invalidJSON() -> ServerReply {
        failure(400, "invalid_json", "Error parsing JSON body.")
    }

    private static func failure(_ status: Int, _ code: String, _ message: String) -> ServerReply {
        let body: JSONValue = [
            "object": "error", "status": .int(Int64(status)), "code": .string(code), "message": .string(message),
            "request_id": "5b4e6c1d-0000-4000-8000-000000000000",
        ]
        return .json(status, body.encoded())
    }
}
