import JSON

extension IntegrationDecoder {
    func decodePagination(_ reader: FieldReader?) -> PaginationConfig? {
        guard let reader else { return nil }
        let styleText = reader.string("style", required: true) ?? "none"
        guard let style = PaginationConfig.Style(rawValue: styleText) else {
            let names = PaginationConfig.Style.allCases.map(\.rawValue).joined(separator: ", ")
            sink.error(at: reader.at("style"), "style '\(styleText)' is not one of \(names)")
            return nil
        }
        var allowed: Set<String> = ["style", "records", "max_limit", "default_limit"]
        switch style {
        case .none: break
        case .cursor: allowed.formUnion(["page_size", "cursor", "has_more", "total"])
        case .offset: allowed.formUnion(["page_size", "offset", "total", "has_more"])
        case .page: allowed.formUnion(["page_size", "page", "total_pages", "total", "has_more"])
        case .linkHeader: allowed.formUnion(["page_size", "total"])
        case .nextURL: allowed.formUnion(["page_size", "next", "done", "total"])
        }
        reader.rejectUnknownKeys(allowed, what: "pagination style '\(styleText)'")
        var config = PaginationConfig(style: style, records: reader.jsonPointer("records") ?? .root)
        config.maxLimit = reader.int("max_limit", minimum: 1) ?? 500
        config.defaultLimit = reader.int("default_limit", minimum: 1) ?? min(25, config.maxLimit)
        if config.defaultLimit > config.maxLimit {
            sink.error(at: reader.at("default_limit"), "default_limit must not exceed max_limit (\(config.maxLimit))")
        }
        if let size = reader.reader("page_size", what: "'page_size'") {
            size.rejectUnknownKeys(["param", "in", "max"], what: "'page_size'")
            config.pageSize = PaginationConfig.PageSize(
                param: size.string("param", required: true) ?? "", placement: placement(size),
                max: size.int("max", minimum: 1, required: true) ?? 100)
        }
        config.hasMore = reader.jsonPointer("has_more")
        config.total = reader.jsonPointer("total")
        switch style {
        case .cursor:
            guard let cursor = reader.reader("cursor", what: "'cursor'") else {
                sink.error(at: reader.at("cursor"), "style 'cursor' needs 'cursor' {param, in, from | from_last_item}")
                break
            }
            cursor.rejectUnknownKeys(["param", "in", "from", "from_last_item"], what: "'cursor'")
            let from = cursor.jsonPointer("from")
            let fromLast = cursor.jsonPointer("from_last_item")
            if (from == nil) == (fromLast == nil) {
                sink.error(at: cursor.pointer, "'cursor' needs exactly one of 'from' and 'from_last_item'")
            }
            config.cursor = PaginationConfig.Cursor(
                param: cursor.string("param", required: true) ?? "", placement: placement(cursor), from: from,
                fromLastItem: fromLast)
        case .offset:
            guard let offset = reader.reader("offset", what: "'offset'") else {
                sink.error(at: reader.at("offset"), "style 'offset' needs 'offset' {param}")
                break
            }
            offset.rejectUnknownKeys(["param", "in"], what: "'offset'")
            config.offsetParam = offset.string("param", required: true)
            config.offsetPlacement = placement(offset)
        case .page:
            guard let page = reader.reader("page", what: "'page'") else {
                sink.error(at: reader.at("page"), "style 'page' needs 'page' {param, first}")
                break
            }
            page.rejectUnknownKeys(["param", "first"], what: "'page'")
            config.pageParam = page.string("param", required: true)
            config.firstPage = page.int("first", minimum: 0) ?? 1
            config.totalPages = reader.jsonPointer("total_pages")
        case .nextURL:
            config.next = reader.jsonPointer("next", required: true)
            config.done = reader.jsonPointer("done")
        case .none, .linkHeader:
            break
        }
        return config
    }

    private func placement(_ reader: FieldReader) -> PaginationConfig.Placement {
        guard let text = reader.string("in") else { return .query }
        guard let placement = PaginationConfig.Placement(rawValue: text) else {
            sink.error(at: reader.at("in"), "'in' must be query or body, not '\(text)'")
            return .query
        }
        return placement
    }
}
