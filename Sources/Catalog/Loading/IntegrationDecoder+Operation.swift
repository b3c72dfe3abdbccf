import JSON

extension IntegrationDecoder {
    static let resourceKeys: Set<String> = ["description", "tags", "operations", "confirm"]
    static let operationKeys: Set<String> = [
        "kind", "request", "description", "title", "tool_name", "parameters", "headers", "query", "body", "retry",
        "timeout_ms", "pagination", "errors", "idempotency", "response", "annotations", "tags", "body_encoding",
        "confirm", "check", "rate_limit",
    ]
    static let methods: Set<String> = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"]
    static let listArguments: Set<String> = ["limit", "next_cursor", "fields"]
    /// The keys an operation's `annotations` may override.
    static let annotationKeys: Set<String> = [
        "title", "readOnlyHint", "destructiveHint", "idempotentHint", "openWorldHint",
    ]

    mutating func decodeResource(
        _ value: JSONValue, key: String, at pointer: JSONPointer, integration: String, defaults: OperationDefaults
    ) -> [APIOperation] {
        guard let resource = FieldReader(value, at: pointer, sink: sink, what: "a resource") else { return [] }
        resource.rejectUnknownKeys(Self.resourceKeys, what: "resource '\(key)'")
        let resourceDescription = resource.string("description")
        let tags = defaults.tags + (resource.strings("tags") ?? [])
        let confirm = resource.bool("confirm") ?? false
        guard let operations = resource.reader("operations", what: "'operations'") else {
            sink.error(at: resource.at("operations"), "'operations' is required")
            return []
        }
        var result: [APIOperation] = []
        for member in operations.object {
            if let operation = decodeOperation(
                member.value, key: member.key, resource: key, at: operations.at(member.key), integration: integration,
                defaults: defaults, tags: tags, confirm: confirm)
            {
                var operation = operation
                operation.resourceDescription = resourceDescription
                result.append(operation)
            }
        }
        return result
    }

    private mutating func decodeOperation(
        _ value: JSONValue, key: String, resource: String, at pointer: JSONPointer, integration: String,
        defaults: OperationDefaults, tags inherited: [String], confirm resourceConfirm: Bool
    ) -> APIOperation? {
        guard let reader = FieldReader(value, at: pointer, sink: sink, what: "an operation") else { return nil }
        reader.rejectUnknownKeys(Self.operationKeys, what: "operation '\(key)'")
        let kind: OperationKind?
        if let text = reader.string("kind") {
            kind = OperationKind(rawValue: text)
            if kind == nil {
                let names = OperationKind.allCases.map(\.rawValue).joined(separator: ", ")
                sink.error(at: reader.at("kind"), "kind '\(text)' is not one of \(names)")
            }
        } else if let inferred = OperationKind(rawValue: key) {
            kind = inferred
        } else {
            kind = nil
            sink.error(at: reader.at("kind"), "'kind' is required: the key '\(key)' is not a kind to infer it from")
        }
        let (method, path) = decodeRequest(reader)
        let description = reader.string("description", required: true) ?? ""
        if !description.isEmpty, description.count < 40 {
            sink.warning(
                at: reader.at("description"),
                "description is under 40 characters: say what the tool does and when to use it")
        }
        let toolName = reader.string("tool_name") ?? "\(integration)_\(resource)_\(key)"
        if !Self.isToolName(toolName) {
            sink.error(
                at: reader.has("tool_name") ? reader.at("tool_name") : pointer,
                "tool name '\(toolName)' must match ^[A-Za-z0-9_.-]{1,64}$")
        }
        var parameters = decodeParameters(reader.reader("parameters", what: "'parameters'"))
        checkPathParameters(path: path, parameters: &parameters, at: reader.at("request"))
        if kind == .list {
            for parameter in parameters where Self.listArguments.contains(parameter.name) {
                sink.error(
                    at: reader.at("parameters").appending(parameter.name),
                    "'\(parameter.name)' is reserved for list tools (the engine adds limit, next_cursor and fields)")
            }
        }
        var headers: [(name: String, value: String)] = []
        for pair in reader.stringPairs("headers") {
            headers.append(
                (pair.name, interpolate(pair.value, at: reader.at("headers").appending(pair.name), credential: false)))
        }
        var query: [(name: String, value: String)] = []
        for pair in reader.stringPairs("query") {
            query.append(
                (pair.name, interpolate(pair.value, at: reader.at("query").appending(pair.name), credential: false)))
        }
        let body = reader.object["body"]
        if let body, body.objectValue == nil {
            sink.error(at: reader.at("body"), "'body' must be an object of constant members")
        }
        var pagination: PaginationConfig?
        if kind == .list {
            // The integration's pagination was decoded (and its problems reported) once, up front.
            let own = reader.reader("pagination", what: "'pagination'").flatMap(decodePagination)
            pagination = own ?? defaults.pagination ?? PaginationConfig(style: .none)
        } else if reader.has("pagination") {
            sink.warning(at: reader.at("pagination"), "pagination is used by list operations only")
        }
        let omit = decodeResponse(reader.reader("response", what: "'response'"))
        let annotations = decodeAnnotations(reader.reader("annotations", what: "'annotations'"))
        let tags = Self.unique(inherited + (reader.strings("tags") ?? []))
        guard let kind else { return nil }
        var operation = APIOperation(
            key: key, resource: resource, kind: kind, method: method, path: path, description: description,
            title: reader.string("title"), parameters: parameters, headers: headers, query: query, body: body,
            retry: decodeRetry(reader.reader("retry", what: "'retry'"), base: defaults.retry),
            timeoutMs: reader.int("timeout_ms", minimum: 1) ?? defaults.timeoutMs, pagination: pagination,
            errors: decodeErrors(reader.reader("errors", what: "'errors'"), base: defaults.errors),
            idempotencyHeader: decodeIdempotency(
                reader.reader("idempotency", what: "'idempotency'"), base: defaults.idempotencyHeader),
            omit: omit, annotationOverrides: annotations, tags: tags, toolName: toolName)
        operation.bodyEncoding = decodeBodyEncoding(reader) ?? defaults.bodyEncoding
        // An operation's own `"confirm": false` does not lift its resource's mark: a mark says
        // "a person approves", and an override that silently drops it is the wrong default.
        operation.confirm = resourceConfirm || (reader.bool("confirm") ?? false)
        operation.check = decodeCheck(reader, kind: kind, parameters: parameters)
        operation.rateLimit = decodeOperationRateLimit(reader.reader("rate_limit", what: "'rate_limit'"))
        return operation
    }

    private func decodeRequest(_ reader: FieldReader) -> (method: String, path: String) {
        guard let request = reader.string("request", required: true) else { return ("GET", "/") }
        let parts = request.split(separator: " ", maxSplits: 1).map(String.init)
        guard parts.count == 2, Self.methods.contains(parts[0]), parts[1].hasPrefix("/") else {
            sink.error(
                at: reader.at("request"),
                "request '\(request)' must be \"VERB /path\" with VERB one of GET, POST, PUT, PATCH, DELETE, HEAD")
            return ("GET", "/")
        }
        return (parts[0], parts[1])
    }

    private func checkPathParameters(path: String, parameters: inout [Parameter], at pointer: JSONPointer) {
        let placeholders = Self.placeholders(in: path)
        for name in placeholders {
            guard let parameter = parameters.first(where: { $0.name == name }) else {
                sink.error(at: pointer, "path placeholder {\(name)} has no parameter of that name")
                continue
            }
            if parameter.location != .path {
                let location = parameter.location.rawValue
                sink.error(
                    at: pointer, "path placeholder {\(name)} names a parameter that is in '\(location)', not 'path'")
            }
        }
        for parameter in parameters where parameter.location == .path && !placeholders.contains(parameter.name) {
            sink.error(
                at: pointer, "path parameter '\(parameter.name)' has no {\(parameter.name)} placeholder in the path")
        }
    }

    private func decodeResponse(_ reader: FieldReader?) -> [JSONPointer] {
        guard let reader else { return [] }
        reader.rejectUnknownKeys(["omit"], what: "'response'")
        var pointers: [JSONPointer] = []
        for (index, text) in (reader.strings("omit") ?? []).enumerated() {
            if let pointer = JSONPointer(text), !pointer.isRoot {
                pointers.append(pointer)
            } else {
                sink.error(at: reader.at("omit").appending(index), "'\(text)' is not a non-empty JSON Pointer")
            }
        }
        return pointers
    }

    /// Annotation overrides: the MCP hints and `title`, type-checked; `$` and `x-` keys stay out of the tool.
    private func decodeAnnotations(_ reader: FieldReader?) -> JSONObject {
        guard let reader else { return JSONObject() }
        reader.rejectUnknownKeys(Self.annotationKeys, what: "'annotations'")
        var overrides = JSONObject()
        for member in reader.object where Self.annotationKeys.contains(member.key) {
            if member.key == "title" {
                if let title = reader.string("title") { overrides["title"] = .string(title) }
            } else if let flag = reader.bool(member.key) {
                overrides[member.key] = .bool(flag)
            }
        }
        return overrides
    }

    static func placeholders(in path: String) -> [String] {
        var names: [String] = []
        var rest = Substring(path)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    static func isToolName(_ name: String) -> Bool {
        (1...64).contains(name.utf8.count)
            && name.utf8.allSatisfy {
                ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 95 || $0 == 46
                    || $0 == 45
            }
    }

    static func unique(_ tags: [String]) -> [String] {
        var seen: Set<String> = []
        return tags.filter { seen.insert($0).inserted }
    }
}
