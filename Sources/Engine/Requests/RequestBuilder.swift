import Catalog
import FoundationEssentials
import JSON

/// Builds the HTTP request of one operation from validated arguments (DESIGN.md §5 *Request building*).
///
/// Path values become single percent-encoded segments (`.`/`..`/empty refused); query values are
/// encoded, arrays exploded or joined; header values with control characters are refused; body values land at
/// their `to` pointers over the operation's constant body. Schema defaults fill absent arguments.
/// One argument may put at most ``maximumInlineBytes`` into the URL or a header.
package struct RequestBuilder: Sendable {
    /// The most bytes one argument may add to the URL (encoded) or to a header value: far above
    /// what vendors accept, far below libcurl's own limits (a 1 MB request head, an 8 MB URL), so
    /// an oversized value is refused as `invalid_arguments` naming the argument instead of failing
    /// inside libcurl as a misleading, retryable `network` error.
    package static let maximumInlineBytes = 64 << 10

    /// The integration's base URL without a trailing slash.
    package var baseURL: String
    /// The integration's default headers.
    package var integrationHeaders: [(name: String, value: String)]
    /// The `User-Agent` sent with every request.
    package var userAgent: String

    /// Creates a builder for one integration.
    package init(integration: Integration, userAgent: String = "switchyard") {
        self.baseURL = integration.baseURL
        self.integrationHeaders = integration.headers
        self.userAgent = userAgent
    }

    /// Extra wire parameters the paginator adds to a page request.
    package struct PageParameters: Sendable {
        /// Query parameters (name, value), added after the operation's own.
        package var query: [(name: String, value: String)] = []
        /// Body members (pointer, value), set after the arguments.
        package var body: [(pointer: JSONPointer, value: JSONValue)] = []

        /// Creates empty page parameters.
        package init() {}
    }

    /// Builds the request for the operation with `arguments` (already validated), plus page parameters.
    package func build(
        _ operation: APIOperation, arguments: JSONObject, page: PageParameters = PageParameters()
    ) throws(EngineError) -> HTTPRequest {
        var path = ""
        var rest = Substring(operation.path)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            path += rest[rest.startIndex..<open]
            let name = String(rest[rest.index(after: open)..<close])
            path += try pathValue(name, operation: operation, arguments: arguments)
            rest = rest[rest.index(after: close)...]
        }
        path += rest
        // Pairs are percent-encoded as they are added, so a joined array keeps its commas literal.
        var query = Self.encoded(operation.query)
        var headers = HTTPHeaders()
        var body: JSONValue? = operation.body
        for parameter in operation.parameters where parameter.location != .path {
            let given = arguments[parameter.name]
            if given == .null, parameter.location != .body {
                // A JSON null only means something in a JSON body ("remove the milestone"); in a
                // URL or a header it has no spelling, and dropping it silently would do nothing.
                throw EngineError(
                    .invalidArguments,
                    "argument '\(parameter.name)' cannot be null: it is sent in the \(parameter.location == .query ? "query" : "headers"); leave it out instead"
                )
            }
            // An explicit null for a body parameter (the schema allowed it) is sent as null.
            guard let value = given ?? parameter.defaultValue, value != .null || given == .null else { continue }
            switch parameter.location {
            case .query:
                let pairs = Self.queryPairs(parameter.wireName, value: value, explode: parameter.explode)
                try Self.checkInlineSize(
                    pairs.reduce(0) { $0 + $1.value.utf8.count }, argument: parameter.name, in: "URL")
                query += pairs
            case .header:
                headers.set(name: parameter.wireName, value: try headerValue(value.plainText, argument: parameter.name))
            case .body:
                var document = body ?? .object(JSONObject())
                if parameter.bodyPointer.isRoot {
                    document = value
                } else if !document.setValue(value, at: parameter.bodyPointer) {
                    throw EngineError(
                        .invalidArguments, "argument '\(parameter.name)' cannot be placed in the request body")
                }
                body = document
            case .path:
                continue
            }
        }
        query += Self.encoded(page.query)
        for member in page.body {
            var document = body ?? .object(JSONObject())
            document.setValue(member.value, at: member.pointer)
            body = document
        }
        return assemble(
            method: operation.method, url: Self.url(baseURL + path, encodedQuery: query), operation: operation,
            headers: headers,
            body: body)
    }

    /// Builds a GET of a vendor-provided next-page URL (link header, next_url) with the usual headers.
    package func buildFollowUp(_ operation: APIOperation, url: String, method: String = "GET") -> HTTPRequest {
        assemble(method: method, url: url, operation: operation, headers: HTTPHeaders(), body: nil)
    }

    private func assemble(
        method: String, url: String, operation: APIOperation, headers extra: HTTPHeaders, body: JSONValue?
    ) -> HTTPRequest {
        var headers = HTTPHeaders()
        headers.set(name: "User-Agent", value: userAgent)
        headers.set(name: "Accept", value: "application/json")
        // A configured header that interpolates to nothing (`${STRIPE_VERSION:-}`) is not sent.
        for header in integrationHeaders where !header.value.isEmpty {
            headers.set(name: header.name, value: header.value)
        }
        for header in operation.headers where !header.value.isEmpty {
            headers.set(name: header.name, value: header.value)
        }
        for header in extra { headers.set(name: header.name, value: header.value) }
        var data: Data?
        if let body {
            switch operation.bodyEncoding {
            case .json:
                data = body.encodedData()
                if headers["Content-Type"] == nil { headers.set(name: "Content-Type", value: "application/json") }
            case .form:
                data = Data(Self.formEncoded(body).utf8)
                if headers["Content-Type"] == nil {
                    headers.set(name: "Content-Type", value: "application/x-www-form-urlencoded")
                }
            }
        }
        return HTTPRequest(method: method, url: url, headers: headers, body: data)
    }

    private func pathValue(_ name: String, operation: APIOperation, arguments: JSONObject) throws(EngineError) -> String
    {
        let parameter = operation.parameters.first { $0.name == name }
        guard let value = arguments[name] ?? parameter?.defaultValue, value != .null else {
            throw EngineError(.invalidArguments, "argument '\(name)' is required (it is part of the URL path)")
        }
        let text = value.plainText
        guard !text.isEmpty, text != ".", text != ".." else {
            throw EngineError(
                .invalidArguments, "argument '\(name)' must not be empty, '.' or '..' (it is a URL path segment)")
        }
        let segment = PercentEncoding.pathSegment(text)
        try Self.checkInlineSize(segment.utf8.count, argument: name, in: "URL")
        return segment
    }

    private static func checkInlineSize(_ size: Int, argument: String, in place: String) throws(EngineError) {
        guard size > maximumInlineBytes else { return }
        throw EngineError(
            .invalidArguments,
            "argument '\(argument)' is too long (\(size) bytes; at most \(maximumInlineBytes) fit in the \(place))")
    }

    /// A header value from an argument: every C0 control character but horizontal tab, and DEL,
    /// is refused (CR and LF would split the header; the others are refused by RFC 9110's
    /// field-value grammar, and vendors and proxies treat them unpredictably).
    private func headerValue(_ text: String, argument: String) throws(EngineError) -> String {
        guard !text.utf8.contains(where: { ($0 < 0x20 && $0 != 0x09) || $0 == 0x7F }) else {
            throw EngineError(
                .invalidArguments,
                "argument '\(argument)' must not contain line breaks or other control characters (it is sent as a header)"
            )
        }
        try Self.checkInlineSize(text.utf8.count, argument: argument, in: "header")
        return text
    }

    /// Percent-encoded query pairs for one argument: arrays repeated (`explode`) or joined with a
    /// literal comma (RFC 6570 form style), so an element's own comma (`%2C`) stays distinguishable.
    static func queryPairs(_ name: String, value: JSONValue, explode: Bool) -> [(name: String, value: String)] {
        let encodedName = PercentEncoding.queryComponent(name)
        guard case .array(let elements) = value else {
            return [(encodedName, PercentEncoding.queryComponent(value.plainText))]
        }
        let texts = elements.filter { $0 != .null }.map { PercentEncoding.queryComponent($0.plainText) }
        if explode { return texts.map { (encodedName, $0) } }
        return texts.isEmpty ? [] : [(encodedName, texts.joined(separator: ","))]
    }

    /// A body as `application/x-www-form-urlencoded`, nested members in bracket notation.
    static func formEncoded(_ body: JSONValue) -> String {
        var pairs: [(String, String)] = []
        func flatten(_ value: JSONValue, prefix: String) {
            switch value {
            case .object(let object):
                for member in object {
                    flatten(member.value, prefix: prefix.isEmpty ? member.key : "\(prefix)[\(member.key)]")
                }
            case .array(let elements):
                for (index, element) in elements.enumerated() { flatten(element, prefix: "\(prefix)[\(index)]") }
            case .null:
                pairs.append((prefix, ""))
            default:
                pairs.append((prefix, value.plainText))
            }
        }
        flatten(body, prefix: "")
        return pairs.map { PercentEncoding.formComponent($0.0) + "=" + PercentEncoding.formComponent($0.1) }
            .joined(separator: "&")
    }

    /// Appends query pairs, percent-encoding them, to a URL that may already have a query.
    package static func url(_ base: String, query: [(name: String, value: String)]) -> String {
        url(base, encodedQuery: encoded(query))
    }

    /// Appends already percent-encoded query pairs to a URL that may already have a query.
    static func url(_ base: String, encodedQuery query: [(name: String, value: String)]) -> String {
        guard !query.isEmpty else { return base }
        let joined = query.map { $0.name + "=" + $0.value }.joined(separator: "&")
        return base + (base.contains("?") ? "&" : "?") + joined
    }

    private static func encoded(_ pairs: [(name: String, value: String)]) -> [(name: String, value: String)] {
        pairs.map { (PercentEncoding.queryComponent($0.name), PercentEncoding.queryComponent($0.value)) }
    }
}
