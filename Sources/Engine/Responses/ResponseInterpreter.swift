import Catalog
import FoundationEssentials
import JSON

/// Reads a vendor response: success bodies as JSON, failures as typed ``EngineError``s with the
/// vendor's own message and a trimmed copy of its body (DESIGN.md §5 *Errors*).
package struct ResponseInterpreter: Sendable {
    /// The most bytes of vendor body kept in an error's `vendor` field.
    package static let vendorBodyLimit = 2000

    /// How the operation's vendor reports errors.
    package var errors: ErrorConfig
    /// Secrets to scrub from anything taken from the vendor.
    package var redactor: Redactor

    /// Creates an interpreter.
    package init(errors: ErrorConfig, redactor: Redactor) {
        self.errors = errors
        self.redactor = redactor
    }

    /// A 2xx list page: its body with only the records in `range` (and the last) kept of the
    /// array at `records`, or the failure it represents. An empty body, or `null` where the items
    /// go (Pipedrive's empty `data`), is a page of no items; no array there has a `nil` count.
    package func successPage(
        _ response: HTTPResponse, records: JSONPointer, keeping range: Range<Int>
    ) throws(EngineError) -> SparseArrayDocument {
        // A failure rule looking inside the records needs them whole: read the page in full then.
        let ruleLooksInside = errors.failureWhen.map { $0.pointer.tokens.starts(with: records.tokens) } ?? false
        guard !Self.isBlank(response.body), !ruleLooksInside else {
            let body = try success(response)
            let found = body.value(at: records)
            guard let array = found?.arrayValue ?? (body == .null || found == .null ? [] : nil) else {
                return SparseArrayDocument(body: body, count: nil, start: range.lowerBound, elements: [], last: nil)
            }
            let kept = range.clamped(to: 0..<array.count)
            return SparseArrayDocument(
                body: body, count: array.count, start: range.lowerBound, elements: Array(array[kept]),
                last: array.last)
        }
        var page: SparseArrayDocument
        do {
            page = try JSONParser.parse(response.body, keepingElements: range, ofArrayAt: records)
        } catch {
            throw EngineError(
                .invalidResponse, "the vendor answered HTTP \(response.status) with a body that is not JSON (\(error))",
                status: response.status, vendor: vendorBody(response.body))
        }
        try checkFailureRule(page.body, status: response.status)
        if page.count == nil, page.body == .null || page.body.value(at: records) == .null { page.count = 0 }
        return page
    }

    /// The body of a 2xx response as JSON (an empty body is `null`), or the failure it represents.
    package func success(_ response: HTTPResponse) throws(EngineError) -> JSONValue {
        if Self.isBlank(response.body) { return .null }
        let body: JSONValue
        do {
            body = try JSONParser.parse(response.body)
        } catch {
            throw EngineError(
                .invalidResponse, "the vendor answered HTTP \(response.status) with a body that is not JSON (\(error))",
                status: response.status, vendor: vendorBody(response.body))
        }
        try checkFailureRule(body, status: response.status)
        return body
    }

    /// Throws the failure a 2xx body reports through the operation's `failure_when` rule.
    private func checkFailureRule(_ body: JSONValue, status: Int) throws(EngineError) {
        guard let rule = errors.failureWhen, rule.matches(body) else { return }
        let type = mappedType(body) ?? .upstreamError
        let text = message(from: body) ?? "the vendor reported a failure"
        throw EngineError(type, text, status: status, retryable: type == .rateLimited, vendor: trimmed(body))
    }

    private static func isBlank(_ body: Data) -> Bool {
        body.isEmpty || body.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
    }

    /// The error a non-2xx response represents (3xx included: redirects are handled before this).
    /// `retryAfter` is the wait already worked out (Retry-After or a reset header); without it the
    /// response's own `Retry-After` is read.
    package func failure(_ response: HTTPResponse, retryAfter: Double? = nil) -> EngineError {
        let parsed = try? JSONParser.parse(response.body)
        let type = parsed.flatMap(mappedType) ?? ErrorType.forStatus(response.status) ?? .upstreamError
        let fallback = "the vendor answered HTTP \(response.status)"
        let text = parsed.flatMap { message(from: $0) } ?? plainMessage(response.body) ?? fallback
        // A 429, or a 503 the vendor said when to try again after, tells the model how long to wait.
        let hint = retryAfter ?? RetryAfter.seconds(from: response.headers, now: Date())
        // An unmapped 4xx will not change by itself; a 5xx (or a mapped 2xx failure) may.
        let unmappedClientError = type == .upstreamError && (400..<500).contains(response.status)
        return EngineError(
            type, text, status: response.status, retryable: unmappedClientError ? false : nil,
            retryAfterSeconds: type == .rateLimited || type == .upstreamError ? hint : nil,
            vendor: response.body.isEmpty ? nil : (parsed.map(trimmed) ?? vendorBody(response.body)))
    }

    /// The vendor's human message, tried through the configured then the default pointers.
    package func message(from body: JSONValue) -> String? {
        for pointer in errors.messagePointers + ErrorConfig.defaultMessagePointers {
            switch body.value(at: pointer) {
            case .string(let text)? where !text.isEmpty: return redactor.redact(String(text.prefix(500)))
            default: continue
            }
        }
        return nil
    }

    private func mappedType(_ body: JSONValue) -> ErrorType? {
        guard let mapping = errors.typeFrom, let code = body.value(at: mapping.pointer)?.plainText,
            let name = mapping.map[code]
        else { return nil }
        return ErrorType(rawValue: name)
    }

    private func plainMessage(_ body: Data) -> String? {
        guard !body.isEmpty, body.count <= 300, let text = String(data: body, encoding: .utf8) else { return nil }
        let trimmed = text.trimmingWhitespaceAndNewlines()
        guard !trimmed.isEmpty, !trimmed.hasPrefix("<") else { return nil }
        return redactor.redact(trimmed)
    }

    /// The vendor's JSON body, or a string cut to the limit when its JSON would be larger.
    func trimmed(_ body: JSONValue) -> JSONValue {
        let redacted = redactor.redact(body)
        let encoded = redacted.encoded()
        guard encoded.utf8.count > Self.vendorBodyLimit else { return redacted }
        return .string(Self.cut(encoded, to: Self.vendorBodyLimit) + "…")
    }

    /// A non-JSON vendor body as a (cut, redacted) string.
    func vendorBody(_ body: Data) -> JSONValue? {
        guard !body.isEmpty else { return nil }
        let text = String(decoding: body.prefix(Self.vendorBodyLimit * 2), as: UTF8.self)
        let cut = Self.cut(text, to: Self.vendorBodyLimit)
        return .string(redactor.redact(cut) + (body.count > cut.utf8.count ? "…" : ""))
    }

    /// The longest prefix of `text` of at most `limit` UTF-8 bytes that ends on a character boundary.
    static func cut(_ text: String, to limit: Int) -> String {
        guard text.utf8.count > limit else { return text }
        var prefix = String(decoding: text.utf8.prefix(limit), as: UTF8.self)
        while prefix.unicodeScalars.last == "\u{FFFD}" { prefix.unicodeScalars.removeLast() }
        return prefix
    }
}
