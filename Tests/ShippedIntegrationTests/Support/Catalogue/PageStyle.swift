import JSON
import TestSupport

/// How an emulated list endpoint pages, in one vendor's wire shape. Every style serves the same
/// five items (`item-1` … `item-5`), at most two a page whatever the client asks, as vendors
/// may, so a call for three items walks two pages.
enum PageStyle: Sendable {
    /// A vendor cursor in the body (`next`), sent back as `param`; `hasMore` when the vendor has one.
    case cursor(records: [String], next: [String], param: String, size: String?, hasMore: [String]? = nil)
    /// Stripe: `/data`, `/has_more`, and `starting_after` set to the last item's id.
    case lastItem
    /// An offset and a page size in the query, with a total or a has-more flag.
    case offset(records: [String], param: String, size: String, total: [String]? = nil, hasMore: [String]? = nil)
    /// GitHub: an RFC 8288 `Link: <…>; rel="next"` header; the items are the body or at `records`.
    case link(records: [String])
    /// Microsoft Graph: `/value` and an absolute `@odata.nextLink` carrying `$skiptoken`.
    case nextLink
    /// One page holding everything.
    case single(records: [String])
    /// Slack's `conversations.members`: user IDs (strings), not objects, behind a body cursor.
    case slackIDs

    static let itemCount = 5
    static let pageCap = 2

    /// The `number`-th item (1-based).
    static func item(_ number: Int) -> JSONValue {
        ["id": .string("item-\(number)"), "name": .string("Item \(number)")]
    }

    /// Where in the collection `request` starts (0 for the first page).
    func start(of request: ReceivedRequest) -> Int {
        switch self {
        case .cursor(_, _, let param, _, _): return Self.afterIndex(request.queryValue(param))
        case .slackIDs: return Self.afterIndex(request.queryValue("cursor"))
        case .lastItem: return Self.afterIndex(request.queryValue("starting_after").map { "after-" + $0.dropFirst(5) })
        case .offset(_, let param, _, _, _): return request.queryValue(param).flatMap { Int($0) } ?? 0
        case .link: return request.queryValue("start").flatMap { Int($0) } ?? 0
        case .nextLink: return request.queryValue("$skiptoken").flatMap { Int($0) } ?? 0
        case .single: return 0
        }
    }

    /// The page `request` asks for, in the vendor's shape.
    func reply(to request: ReceivedRequest) -> ServerReply {
        let start = start(of: request)
        let asked = sizeParameter.flatMap { request.queryValue($0) }.flatMap { Int($0) } ?? 15
        let count = self.isSingle ? Self.itemCount : max(0, min(asked, Self.pageCap, Self.itemCount - start))
        let end = start + count
        let more = end < Self.itemCount
        let items = JSONValue.array((start..<end).map { Self.item($0 + 1) })
        var body = JSONObject()
        switch self {
        case .cursor(let records, let next, _, _, let hasMore):
            Self.put(items, at: records, in: &body)
            Self.put(more ? .string("after-\(end)") : .null, at: next, in: &body)
            if let hasMore { Self.put(.bool(more), at: hasMore, in: &body) }
        case .slackIDs:
            body["ok"] = true
            body["members"] = .array((start..<end).map { .string("U000\($0 + 1)") })
            body["response_metadata"] = ["next_cursor": .string(more ? "after-\(end)" : "")]
        case .lastItem:
            body = ["object": "list", "data": items, "has_more": .bool(more)]
        case .offset(let records, _, _, let total, let hasMore):
            Self.put(items, at: records, in: &body)
            if let total { Self.put(.int(Int64(Self.itemCount)), at: total, in: &body) }
            if let hasMore { Self.put(.bool(more), at: hasMore, in: &body) }
        case .link(let records):
            var headers: [(String, String)] = []
            if more {
                // Like GitHub, the next link repeats the request's own query (q, filters) with the new position.
                let kept = (request.query ?? "").split(separator: "&").filter {
                    !$0.hasPrefix("start=") && !$0.hasPrefix("per_page=")
                }
                let query = (kept + ["start=\(end)", "per_page=\(asked)"]).joined(separator: "&")
                let next = VendorEmulationKit.origin(of: request) + request.path + "?" + query
                headers.append(("Link", "<\(next)>; rel=\"next\""))
            }
            guard !records.isEmpty else { return VendorEmulationKit.reply(items, headers: headers) }
            Self.put(items, at: records, in: &body)
            Self.put(.int(Int64(Self.itemCount)), at: ["total_count"], in: &body)
            return VendorEmulationKit.reply(.object(body), headers: headers)
        case .nextLink:
            body["value"] = items
            if more {
                let next = VendorEmulationKit.origin(of: request) + request.path + "?$skiptoken=\(end)"
                body["@odata.nextLink"] = .string(next)
            }
        case .single(let records):
            Self.put(items, at: records, in: &body)
        }
        return VendorEmulationKit.reply(.object(body))
    }

    private var sizeParameter: String? {
        switch self {
        case .cursor(_, _, _, let size, _): size
        case .slackIDs, .lastItem: "limit"
        case .offset(_, _, let size, _, _): size
        case .link: "per_page"
        case .nextLink: "$top"
        case .single: nil
        }
    }

    private var isSingle: Bool {
        if case .single = self { return true }
        return false
    }

    private static func afterIndex(_ cursor: String?) -> Int {
        guard let cursor, cursor.hasPrefix("after-") else { return 0 }
        return Int(cursor.dropFirst(6)) ?? 0
    }

    private static func put(_ value: JSONValue, at tokens: [String], in object: inout JSONObject) {
        guard let first = tokens.first else { return }
        guard tokens.count > 1 else {
            object[first] = value
            return
        }
        var child = object[first]?.objectValue ?? JSONObject()
        put(value, at: Array(tokens.dropFirst()), in: &child)
        object[first] = .object(child)
    }
}
