import Catalog
import JSON

extension ToolEngine {
    /// Runs a `list` call: resolves the cursor, walks pages, shapes items and fits the budget.
    func list(
        _ tool: Tool, runtime: IntegrationRuntime, arguments given: JSONObject, call: inout CallState,
        progress: (@Sendable (Double, Double?) async -> Void)?
    ) async throws(EngineError) -> ToolOutcome {
        let pagination = tool.operation.pagination ?? PaginationConfig(style: .none)
        var filters = given
        filters.removeValue(forKey: "limit")
        filters.removeValue(forKey: "fields")
        let cursorToken = filters.removeValue(forKey: "next_cursor")
        var start = PagePosition(anchor: .start)
        var fields = given["fields"]?.arrayValue?.compactMap(\.stringValue)
        if let cursorToken {
            try validate(given, with: tool.cursorValidator ?? tool.validator)
            guard case .string(let token) = cursorToken else {
                throw EngineError(.invalidCursor, "next_cursor must be the string returned by the previous call")
            }
            let cursor = try PageCursor.decode(
                token, tool: tool.name, fingerprint: tool.fingerprint, with: options.cursorSealer)
            try Self.check(cursor.position, fits: pagination, origin: runtime.origin)
            // Re-validated although sealed: the key may be shared by a fleet whose files differ.
            do throws(EngineError) {
                try validate(cursor.arguments, with: tool.validator)
            } catch {
                throw EngineError(
                    .invalidCursor,
                    "next_cursor carries arguments \(tool.name) no longer accepts (\(error.message)); start over without it"
                )
            }
            // A walk stays with the account it started on (the call chose its credentials by `account`).
            if (cursor.arguments["account"]?.stringValue ?? "default") != (given["account"]?.stringValue ?? "default") {
                throw EngineError(
                    .invalidCursor, "next_cursor belongs to another account; pass the account it was issued for")
            }
            // The cursor's own arguments win: filters cannot change in the middle of a walk.
            filters = cursor.arguments
            start = cursor.position
            fields = fields ?? cursor.fields
        } else {
            try validate(given, with: tool.validator)
        }
        let limit = given["limit"]?.intValue.map { Int($0) } ?? pagination.defaultLimit
        let walker = ListWalker(
            pipeline: RequestPipeline(transport: transport, clock: clock, logger: options.logger), runtime: runtime,
            pagination: pagination, operation: tool.operation, arguments: filters, limit: limit,
            interpreter: ResponseInterpreter(errors: tool.operation.errors, redactor: runtime.redactor()),
            progress: progress)
        // Each page's items are redacted, shaped and encoded on another thread while the walker
        // fetches the next page.
        let (pages, sink) = AsyncStream.makeStream(of: [JSONValue].self)
        async let shaping = Self.shape(pages, fields: fields, omit: tool.operation.omit, runtime: runtime)
        let walk: ListWalker.Walk
        do {
            walk = try await walker.walk(from: start, call: &call) { sink.yield(Array($0)) }
        } catch {
            sink.finish()
            _ = await shaping
            throw error
        }
        sink.finish()
        let (items, encoded) = await shaping
        // Shaping stops early only when the call was cancelled meanwhile.
        guard items.count == walk.items.count else { throw EngineError.cancelled }
        func cursor(_ position: PagePosition) -> String {
            PageCursor(
                tool: tool.name, fingerprint: tool.fingerprint, arguments: filters, position: position, fields: fields
            ).encoded(with: options.cursorSealer)
        }
        let pause = walk.pausedBy.map(Self.pauseNotice)
        let full = Self.listText(
            encoded, count: items.count, hasMore: walk.next != nil, cursor: walk.next.map(cursor), total: walk.total,
            truncated: false, pause: pause)
        let budget = options.maxOutputBytes
        if full.utf8.count <= budget {
            return .success(
                text: full,
                encodedFrom: Self.listValue(
                    items[...], hasMore: walk.next != nil, cursor: walk.next.map(cursor), total: walk.total,
                    truncated: false, pause: pause),
                attempts: call.attempts, status: walk.status)
        }
        // Over budget: keep the longest prefix that fits with its resume cursor.
        var kept = 0
        var used = 0
        while kept < items.count {
            let resume = cursor(walk.items[kept].resume)
            let overhead = 80 + resume.utf8.count + (walk.total.map { String($0).utf8.count + 10 } ?? 0)
            let next = used + encoded.size(of: kept) + 1
            if next + overhead > budget { break }
            used = next
            kept += 1
        }
        if kept == 0 {
            return Self.firstItemOverBudget(
                encoded: encoded, budget: budget, at: cursor(walk.items[0].resume),
                next: walk.items.count > 1 ? cursor(walk.items[1].resume) : walk.next.map(cursor), total: walk.total,
                attempts: call.attempts, status: walk.status)
        }
        let resume = cursor(walk.items[kept].resume)
        return .success(
            text: Self.listText(
                encoded, count: kept, hasMore: true, cursor: resume, total: walk.total, truncated: true),
            encodedFrom: Self.listValue(
                items[..<kept], hasMore: true, cursor: resume, total: walk.total, truncated: true),
            attempts: call.attempts, status: walk.status)
    }

    /// The result when the first item alone is over the budget: still structured content valid
    /// against the list output schema (clients reject a tool with an `outputSchema` whose result
    /// has none), with no items, `truncated`, a `next_cursor` that moves past the item, a
    /// `notice` saying how to read it (`fields` with the cursor `at` it) and a `preview`: the
    /// start of the item's JSON, so the model sees which fields to ask for.
    static func firstItemOverBudget(
        encoded: EncodedItems, budget: Int, at itemCursor: String, next: String?, total: Int64?,
        attempts: Int, status: Int?
    ) -> ToolOutcome {
        var object =
            listValue([], hasMore: next != nil, cursor: next, total: total, truncated: true).objectValue ?? [:]
        object["notice"] = .string(
            "The next item alone is \(encoded.size(of: 0)) bytes, over the output budget of \(budget): "
                + "to read it, call again with fields (a few of its top-level names, see preview) and next_cursor "
                + "\"\(itemCursor)\"" + (next == nil ? "." : "; the next_cursor given skips it."))
        var room = budget - JSONValue.object(object).encoded().utf8.count - 16
        let full = String(decoding: encoded.prefix(1), as: UTF8.self)
        while room > 0 {
            var withPreview = object
            withPreview["preview"] = .string(ResponseInterpreter.cut(full, to: room))
            let candidate = JSONValue.object(withPreview)
            let text = candidate.encoded()
            if text.utf8.count <= budget {
                return .success(
                    text: text, encodedFrom: candidate, attempts: attempts, status: status)
            }
            room -= max(16, text.utf8.count - budget)
        }
        let value = JSONValue.object(object)
        return .success(
            text: value.encoded(), encodedFrom: value, attempts: attempts, status: status)
    }

    /// Refuses a position that the tool's pagination style could not have produced: a next-page
    /// URL only for the `link_header` and `next_url` styles and only on the integration's origin,
    /// a vendor cursor only for the `cursor` style, and so on.
    static func check(
        _ position: PagePosition, fits pagination: PaginationConfig, origin: URLOrigin?
    ) throws(EngineError) {
        let fits: Bool
        switch (position.anchor, pagination.style) {
        case (.start, _): fits = true
        case (.cursor, .cursor), (.offset, .offset), (.page, .page): fits = true
        case (.url(let url), .linkHeader), (.url(let url), .nextURL):
            guard let target = URLOrigin(url), target == origin else {
                throw EngineError(
                    .invalidCursor,
                    "next_cursor points at another origin than this integration's base URL; start over without it")
            }
            fits = true
        default: fits = false
        }
        guard fits else {
            throw EngineError(
                .invalidCursor, "next_cursor does not fit this tool's pagination; start over without next_cursor")
        }
    }

    /// Redacts, trims (`omit`, `fields`) and encodes items page by page as the walk yields them.
    /// Each page is redacted with what the auth knows when it is processed: a credential learned
    /// later in the walk cannot be in a page the vendor sent before it was issued.
    private static func shape(
        _ pages: AsyncStream<[JSONValue]>, fields: [String]?, omit: [JSONPointer], runtime: IntegrationRuntime
    ) async -> (items: [JSONValue], encoded: EncodedItems) {
        var items: [JSONValue] = []
        var encoded = EncodedItems()
        for await page in pages {
            let redactor = runtime.redactor()
            for item in page {
                let shaped = OutputShaper.keeping(fields, of: OutputShaper.omitting(omit, from: redactor.redact(item)))
                items.append(shaped)
                encoded.append(shaped)
            }
        }
        return (items, encoded)
    }

    /// What a walk paused by the tool's own budget adds to its result: a `notice` and the
    /// seconds until the next page may be read.
    struct PauseNotice {
        /// Says why the walk stopped and when to continue.
        var notice: String
        /// Seconds until the budget allows the next page, when known.
        var retryAfterSeconds: Double?
    }

    /// The notice of a walk the tool's own budget stopped before its limit.
    static func pauseNotice(_ refusal: EngineError) -> PauseNotice {
        let wait = refusal.retryAfterSeconds.map { " in about \(Int($0.rounded(.up))) s" } ?? " later"
        return PauseNotice(
            notice: "Stopped early: \(refusal.message). Call again with next_cursor\(wait) for the next page.",
            retryAfterSeconds: refusal.retryAfterSeconds)
    }

    /// The list result as compact JSON around the first `count` already-encoded items (no second
    /// encoding of items, no per-item strings).
    static func listText(
        _ items: EncodedItems, count: Int, hasMore: Bool, cursor: String?, total: Int64?, truncated: Bool,
        pause: PauseNotice? = nil
    ) -> String {
        let prefix = items.prefix(count)
        var tail = "],\"has_more\":" + (hasMore ? "true" : "false")
        if let cursor { tail += ",\"next_cursor\":\"" + cursor + "\"" }
        if let total { tail += ",\"total\":\(total)" }
        if truncated { tail += ",\"truncated\":true" }
        if let pause {
            tail += ",\"notice\":" + JSONValue.string(pause.notice).encoded()
            if let seconds = pause.retryAfterSeconds {
                tail += ",\"retry_after_seconds\":" + EngineError.retryAfterValue(seconds).encoded()
            }
        }
        tail += "}"
        let head = #"{"items":["#
        var text: [UInt8] = []
        text.reserveCapacity(head.utf8.count + prefix.count + tail.utf8.count)
        text.append(contentsOf: head.utf8)
        text.append(contentsOf: prefix)
        text.append(contentsOf: tail.utf8)
        return String(decoding: text, as: UTF8.self)
    }

    /// The list result as a value (`structuredContent`).
    static func listValue(
        _ items: ArraySlice<JSONValue>, hasMore: Bool, cursor: String?, total: Int64?, truncated: Bool,
        pause: PauseNotice? = nil
    ) -> JSONValue {
        var object: JSONObject = ["items": .array(Array(items)), "has_more": .bool(hasMore)]
        if let cursor { object["next_cursor"] = .string(cursor) }
        if let total { object["total"] = .int(total) }
        if truncated { object["truncated"] = true }
        if let pause {
            object["notice"] = .string(pause.notice)
            if let seconds = pause.retryAfterSeconds {
                object["retry_after_seconds"] = EngineError.retryAfterValue(seconds)
            }
        }
        return .object(object)
    }
}
