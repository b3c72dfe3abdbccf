import JSON

/// Guesses a list operation's `pagination` from its query parameters, its response headers and
/// the fields of its response — or says, as a TODO, that it could not.
///
/// In order: a next-page URL in the body (`next_page_url`, `@odata.nextLink`) is `next_url`; a
/// `Link` response header is `link_header`; a cursor parameter (`cursor`, `starting_after`,
/// `page_token`) with a field to take it from is `cursor`; `offset`/`start` with a page size is
/// `offset`; `page` with a page size is `page`. The parameters a style drives are consumed (the
/// engine sets them), so they do not become tool arguments.
struct PaginationGuess {
    /// The `pagination` object to write.
    var pagination: JSONObject
    /// The wire names of the query parameters the style drives.
    var consumed: Set<String>
    /// What a person has to finish, when the style could not be guessed.
    var todo: String?

    /// A query parameter as the guess sees it: its wire name and translated schema.
    struct QueryParameter {
        /// The name on the wire.
        var name: String
        /// The translated schema (for `maximum` and `minimum`).
        var schema: JSONObject
    }

    private static let pageSizeNames = [
        "limit", "perpage", "pagesize", "pagelimit", "maxresults", "size", "top", "pagelen", "count", "first",
    ]
    private static let cursorNames = [
        "cursor", "startingafter", "after", "pagetoken", "nextpagetoken", "startcursor", "continuationtoken",
        "nexttoken", "pageafter", "marker", "pagecursor", "nextcursor",
    ]
    private static let cursorSources = [
        "nextcursor", "nextpagetoken", "nexttoken", "cursor", "endcursor", "after", "continuationtoken", "next",
        "nextpagecursor", "nextmarker",
    ]
    private static let offsetNames = ["offset", "start", "startat", "skip"]
    private static let pageNames = ["page", "pagenumber", "pageno", "pageindex", "p"]
    private static let nextURLNames = [
        "nextpageurl", "nexturl", "nextlink", "odatanextlink", "nextrecordsurl", "nextpage", "next", "nexthref",
    ]

    /// Guesses pagination for a list operation.
    init(query: [QueryParameter], response: ResponseShape, linkHeader: Bool) {
        var pagination: JSONObject = [:]
        var consumed: Set<String> = []
        func parameter(_ names: [String]) -> QueryParameter? {
            for name in names {
                if let found = query.first(where: { ResponseShape.key($0.name) == name }) { return found }
            }
            return nil
        }
        let records = response.records ?? ""
        let pageSize = parameter(Self.pageSizeNames)
        let cursor = parameter(Self.cursorNames)
        let offset = parameter(Self.offsetNames)
        let page = parameter(Self.pageNames)
        let hasMore = response.field(named: ["hasmore", "more", "hasnextpage", "hasnext"], type: "boolean")
        let total = response.field(
            named: ["totalcount", "total", "totalresults", "totalsize", "totalitems"], type: "integer")
        var pageSizeObject: JSONValue?
        if let pageSize {
            let maximum = pageSize.schema["maximum"]?.intValue.map { max(1, $0) } ?? 100
            pageSizeObject = ["param": .string(pageSize.name), "max": .int(maximum)]
        }
        func finish(_ style: String, _ extra: [(String, JSONValue)], drives: [QueryParameter?]) {
            pagination["style"] = .string(style)
            pagination["records"] = .string(records)
            if let pageSizeObject { pagination["page_size"] = pageSizeObject }
            for (key, value) in extra { pagination[key] = value }
            for driven in drives + [pageSize] { if let driven { consumed.insert(driven.name) } }
        }
        let nextURL =
            response.field(named: Self.nextURLNames, type: "string")
            ?? response.field(named: ["next"], type: "unknown")
        // A string parameter echoed by a `next_<name>` field is a cursor, whatever its name
        // (Stripe's search: `page` and `next_page`).
        let echoed = query.lazy.compactMap { parameter -> (QueryParameter, String)? in
            guard parameter.schema["type"] == "string",
                let from = response.field(named: ["next" + ResponseShape.key(parameter.name)], type: "string")
            else { return nil }
            return (parameter, from)
        }.first
        if let (parameter, from) = echoed {
            var extra: [(String, JSONValue)] = [
                ("cursor", ["param": .string(parameter.name), "in": "query", "from": .string(from)])
            ]
            if let hasMore { extra.append(("has_more", .string(hasMore))) }
            finish("cursor", extra, drives: [parameter])
        } else if let nextURL {
            finish("next_url", [("next", .string(nextURL))], drives: [cursor, page])
        } else if linkHeader {
            finish("link_header", [], drives: [page, cursor])
        } else if let cursor, let from = Self.cursorSource(cursor: cursor, response: response) {
            var extra: [(String, JSONValue)] = [("cursor", from)]
            if let hasMore { extra.append(("has_more", .string(hasMore))) }
            finish("cursor", extra, drives: [cursor])
        } else if let offset, pageSize != nil {
            var extra: [(String, JSONValue)] = [("offset", ["param": .string(offset.name)])]
            if let total { extra.append(("total", .string(total))) }
            if let hasMore { extra.append(("has_more", .string(hasMore))) }
            finish("offset", extra, drives: [offset])
        } else if let page, pageSize != nil {
            let minimum = page.schema["minimum"]?.intValue
            var extra: [(String, JSONValue)] = [
                ("page", ["param": .string(page.name), "first": .int(minimum == 0 ? 0 : 1)])
            ]
            if let pages = response.field(named: ["totalpages", "pagecount", "lastpage"], type: "integer") {
                extra.append(("total_pages", .string(pages)))
            }
            if let total { extra.append(("total", .string(total))) }
            finish("page", extra, drives: [page])
        } else {
            pagination["style"] = "none"
            pagination["records"] = .string(records)
            var hint = "pagination was not recognised"
            if let cursor { hint += " (cursor parameter '\(cursor.name)' has no field to take its value from)" }
            todo = hint + "; set 'pagination' by hand (see the README's pagination table) or keep style none"
        }
        if response.records == nil, todo == nil {
            todo = "no array of items was found in the response; check 'records'"
        }
        self.pagination = pagination
        self.consumed = consumed
    }

    /// Where a cursor's next value comes from: a field of the response, or the last item's `id`
    /// for `starting_after`/`after`-style cursors.
    private static func cursorSource(cursor: QueryParameter, response: ResponseShape) -> JSONValue? {
        var names = Self.cursorSources
        let key = ResponseShape.key(cursor.name)
        names.insert("next" + key, at: 0)
        if let from = response.field(named: names, type: "string") {
            return ["param": .string(cursor.name), "in": "query", "from": .string(from)]
        }
        if key == "startingafter" || key == "after", response.itemProperties.contains("id") {
            return ["param": .string(cursor.name), "in": "query", "from_last_item": "/id"]
        }
        return nil
    }
}
