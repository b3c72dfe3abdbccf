import Catalog
import JSON

/// Walks a vendor's pages for one `list` call until `limit` items are collected or the vendor has
/// no more, whatever the vendor's style (DESIGN.md §5 *Pagination*).
///
/// Every collected item remembers the position that would resume *at* it, so a result cut by the
/// limit or the output budget resumes exactly there: nothing lost, nothing repeated.
struct ListWalker {
    /// The most vendor pages one call may fetch.
    static let maxPages = 100

    let pipeline: RequestPipeline
    let runtime: IntegrationRuntime
    let pagination: PaginationConfig
    let operation: APIOperation
    let arguments: JSONObject
    let limit: Int
    let interpreter: ResponseInterpreter
    let progress: (@Sendable (Double, Double?) async -> Void)?

    /// What a walk produced.
    struct Walk {
        /// The items, in vendor order, with the position that resumes at each.
        var items: [(value: JSONValue, resume: PagePosition)] = []
        /// Where the next call resumes when the walk stopped at the limit with more available.
        var next: PagePosition?
        /// The vendor's total, when it reports one.
        var total: Int64?
        /// The status of the last page.
        var status: Int?
        /// Why the walk stopped before `limit` with more pages left: the tool's own request
        /// budget refused the next page (its message and `retry_after_seconds`).
        var pausedBy: EngineError?
    }

    /// Walks from `start`; `onItems` sees each page's collected items as soon as they are taken,
    /// so they can be processed while the next page is fetched.
    func walk(
        from start: PagePosition, call: inout CallState, onItems: (ArraySlice<JSONValue>) -> Void = { _ in }
    ) async throws(EngineError) -> Walk {
        var result = Walk()
        var position = start
        var seen: Set<String> = [position.identity]
        var pages = 0
        var lastReported = 0.0
        while true {
            pages += 1
            if pages > Self.maxPages {
                throw EngineError(
                    .upstreamError,
                    "pagination loop: more than \(Self.maxPages) vendor pages in one call; ask for a smaller limit",
                    retryable: false)
            }
            let wanted = limit - result.items.count
            let size = pageSize(for: position, wanted: wanted)
            let request = try pageRequest(position, size: size)
            let response: HTTPResponse
            do throws(EngineError) {
                response = try await pipeline.send(request, runtime: runtime, call: &call)
            } catch {
                // The tool's own budget refused a later page before sending it: keep what the
                // walk has and resume at that page, rather than losing the pages already read.
                guard let refusal = call.operationBudgetRefusal, !result.items.isEmpty else { throw error }
                result.next = position
                result.pausedBy = refusal
                break
            }
            result.status = response.status
            guard (200..<300).contains(response.status) else {
                throw interpreter.failure(response, retryAfter: nil)
            }
            // Only the items this call can take (and the page's last, for cursor styles) are kept
            // of a vendor page: a 20 MB page costs the memory of the items returned, not of all.
            let page = try interpreter.successPage(
                response, records: pagination.records, keeping: position.skip..<(position.skip + max(0, wanted)))
            let body = page.body
            guard let count = page.count else {
                throw EngineError(
                    .invalidResponse,
                    "the vendor's page has no item array at '\(pagination.records)'", status: response.status,
                    vendor: interpreter.trimmed(body))
            }
            if result.total == nil, let pointer = pagination.total, let total = body.value(at: pointer)?.intValue {
                result.total = total
            }
            let available = count > position.skip ? count - position.skip : 0
            let take = min(wanted, available)
            let taken = page.elements.prefix(take)
            for (offset, item) in taken.enumerated() {
                result.items.append((item, resume(position, size: size, at: position.skip + offset)))
            }
            if take > 0 { onItems(taken) }
            let nextPosition = try next(
                after: position, size: size, count: count, last: page.last, body: body, response: response,
                request: request)
            if take < available {
                // Stopped inside this page: resume at the first item not taken.
                result.next = resume(position, size: size, at: position.skip + take)
                break
            }
            guard let nextPosition else { break }
            guard seen.insert(nextPosition.identity).inserted else {
                throw EngineError(
                    .upstreamError, "pagination loop: the vendor returned a next page that was already fetched",
                    retryable: false)
            }
            if result.items.count >= limit {
                result.next = nextPosition
                break
            }
            position = nextPosition
            if let progress, Double(result.items.count) > lastReported {
                lastReported = Double(result.items.count)
                await progress(lastReported, Double(limit))
            }
        }
        if pages > 1, let progress, Double(result.items.count) > lastReported {
            await progress(Double(result.items.count), Double(limit))
        }
        return result
    }

    /// The page size to ask for: fixed once chosen for a page that is resumed or page-numbered.
    private func pageSize(for position: PagePosition, wanted: Int) -> Int? {
        guard let setting = pagination.pageSize else { return nil }
        if let fixed = position.pageSize { return fixed }
        if case .url = position.anchor { return nil }
        return min(setting.max, max(1, wanted))
    }

    /// The position that resumes at item `index` of the page at `position` fetched with `size`.
    private func resume(_ position: PagePosition, size: Int?, at index: Int) -> PagePosition {
        switch position.anchor {
        case .offset(let offset):
            return PagePosition(anchor: .offset(offset + index), pageSize: nil, skip: 0)
        case .start where pagination.style == .offset:
            return PagePosition(anchor: .offset(index), pageSize: nil, skip: 0)
        default:
            // A page resumed in its middle must be fetched again with the same size to hold the same items.
            let fixed = pagination.style == .page || index > 0 ? size : nil
            return PagePosition(anchor: position.anchor, pageSize: fixed, skip: index)
        }
    }

    private func pageRequest(_ position: PagePosition, size: Int?) throws(EngineError) -> HTTPRequest {
        if case .url(let url) = position.anchor {
            return runtime.builder.buildFollowUp(operation, url: url, method: "GET")
        }
        var page = RequestBuilder.PageParameters()
        func add(_ name: String, _ value: JSONValue, _ placement: PaginationConfig.Placement) {
            switch placement {
            case .query: page.query.append((name, value.plainText))
            case .body: page.body.append((JSONPointer(tokens: [name]), value))
            }
        }
        if let setting = pagination.pageSize, let size { add(setting.param, .int(Int64(size)), setting.placement) }
        switch (pagination.style, position.anchor) {
        case (.cursor, .cursor(let value)):
            if let cursor = pagination.cursor { add(cursor.param, .string(value), cursor.placement) }
        case (.offset, .offset(let value)):
            if let param = pagination.offsetParam { add(param, .int(Int64(value)), pagination.offsetPlacement) }
        case (.offset, .start):
            if let param = pagination.offsetParam { add(param, 0, pagination.offsetPlacement) }
        case (.page, .page(let number)):
            if let param = pagination.pageParam { add(param, .int(Int64(number)), .query) }
        case (.page, .start):
            if let param = pagination.pageParam { add(param, .int(Int64(pagination.firstPage)), .query) }
        default:
            break
        }
        return try runtime.builder.build(operation, arguments: arguments, page: page)
    }

    /// The position of the vendor page after this one, or `nil` when this was the last.
    private func next(
        after position: PagePosition, size: Int?, count: Int, last: JSONValue?, body: JSONValue, response: HTTPResponse,
        request: HTTPRequest
    ) throws(EngineError) -> PagePosition? {
        if let pointer = pagination.hasMore, body.value(at: pointer) == .bool(false) { return nil }
        let fixedSize = pagination.style == .page ? size : nil
        switch pagination.style {
        case .none:
            return nil
        case .cursor:
            guard let cursor = pagination.cursor else { return nil }
            let value: JSONValue?
            if let from = cursor.from {
                value = body.value(at: from)
            } else if let pointer = cursor.fromLastItem {
                guard pagination.hasMore == nil || body.value(at: pagination.hasMore ?? .root) == .bool(true) else {
                    return nil
                }
                value = last?.value(at: pointer)
            } else {
                value = nil
            }
            guard let value, value != .null, !value.plainText.isEmpty else { return nil }
            return PagePosition(anchor: .cursor(value.plainText))
        case .offset:
            guard count > 0 else { return nil }
            let base: Int
            if case .offset(let offset) = position.anchor { base = offset } else { base = 0 }
            let nextOffset = base + count
            if let pointer = pagination.total, let total = body.value(at: pointer)?.intValue, nextOffset >= total {
                return nil
            }
            if let size, count < size, pagination.hasMore == nil, pagination.total == nil { return nil }
            return PagePosition(anchor: .offset(nextOffset))
        case .page:
            guard count > 0 else { return nil }
            let current: Int
            if case .page(let number) = position.anchor { current = number } else { current = pagination.firstPage }
            if let pointer = pagination.totalPages, let totalPages = body.value(at: pointer)?.intValue,
                current >= pagination.firstPage + Int(totalPages) - 1
            {
                return nil
            }
            if let size, count < size, pagination.hasMore == nil, pagination.totalPages == nil { return nil }
            return PagePosition(anchor: .page(current + 1), pageSize: fixedSize)
        case .linkHeader:
            guard let header = response.headers["Link"], let target = LinkHeader.target(of: "next", in: header) else {
                return nil
            }
            return PagePosition(
                anchor: .url(withoutCredentialQuery(try sameOrigin(URLOrigin.resolve(target, against: request.url)))))
        case .nextURL:
            if let done = pagination.done, body.value(at: done) == .bool(true) { return nil }
            guard let pointer = pagination.next, let value = body.value(at: pointer)?.stringValue, !value.isEmpty else {
                return nil
            }
            return PagePosition(
                anchor: .url(withoutCredentialQuery(try sameOrigin(URLOrigin.resolve(value, against: request.url)))))
        }
    }

    /// A vendor's next-page link without the query parameter the auth adds itself.
    ///
    /// Vendors often build next links from the request's own query, API key included. The auth
    /// adds the key again on the follow-up (so keeping it would send it twice), and the link is
    /// stored in the `next_cursor` handed to the model, which must never carry a credential.
    private func withoutCredentialQuery(_ url: String) -> String {
        guard case .apiKey(.query, let name, _) = runtime.integration.auth, let question = url.firstIndex(of: "?")
        else { return url }
        var query = url[url.index(after: question)...]
        var fragment = Substring("")
        if let hash = query.firstIndex(of: "#") {
            fragment = query[hash...]
            query = query[..<hash]
        }
        let kept = query.split(separator: "&", omittingEmptySubsequences: false).filter { pair in
            let rawName = pair.prefix { $0 != "=" }
            return (PercentEncoding.decodeStrictly(rawName) ?? String(rawName)) != name
        }
        return url[..<question] + (kept.isEmpty ? "" : "?" + kept.joined(separator: "&")) + fragment
    }

    private func sameOrigin(_ url: String) throws(EngineError) -> String {
        guard let origin = URLOrigin(url), origin == runtime.origin else {
            throw EngineError(
                .upstreamError,
                "the vendor's next-page link points at another origin (\(URLOrigin(url)?.description ?? url)); not fetched",
                retryable: false)
        }
        return url
    }
}
