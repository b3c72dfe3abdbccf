import JSON

/// Translates one OpenAPI operation (a method on a path) into an ``ImportedOperation``: kind,
/// description, parameters from the path, query and headers and from the top-level properties of a
/// JSON or form request body, and — for lists — a pagination guess.
struct OperationTranslator {
    /// The document being imported.
    let root: JSONValue
    /// Resolves its references.
    let resolver: RefResolver
    /// Translates its schemas.
    let translator: SchemaTranslator
    /// Every path of the document with its placeholders written `{}` (see ``PathShape/skeleton``).
    let itemPaths: Set<String>

    /// Arguments the engine adds to every list tool; a vendor parameter of that name is renamed.
    private static let listArguments: Set<String> = ["limit", "next_cursor", "fields"]
    /// Headers the engine or the auth sets; parameters for them are left out.
    private static let managedHeaders: Set<String> = ["authorization", "content-type", "accept", "content-length"]

    /// Translates the operation at `pointer`; `pathParameters` are the path item's own parameters.
    func translate(
        method: String, path: String, operation: JSONValue, pathParameters: [JSONValue], at pointer: JSONPointer,
        warnings: inout [Diagnostic]
    ) -> ImportedOperation {
        func warn(_ message: String, at location: JSONPointer = pointer) {
            warnings.append(Diagnostic(file: "", pointer: location, severity: .warning, message: message))
        }
        let shape = PathShape(path)
        let response = ResponseShape(
            operation: operation, at: pointer, resolver: resolver, resource: shape.words.last ?? "")
        let looksLikeList =
            response.records != nil || (!response.hasSchema && PathShape.isPlural(shape.words.last ?? ""))
        let searches = operation["operationId"]?.stringValue?.lowercased().contains("search") ?? false
        let (kind, name) = shape.guess(
            method: method, looksLikeList: looksLikeList, hasItems: itemPaths.contains(shape.skeleton + "/{}"),
            searches: searches)
        var requestPath = path
        var parameters = JSONObject()
        var queryForPaging: [PaginationGuess.QueryParameter] = []
        var wireNames: [String: String] = [:]
        // The decoder's reading of placeholders, which also finds two in one segment (`{base}...{head}`).
        let placeholders = IntegrationDecoder.placeholders(in: path)

        for (raw, location) in collectParameters(operation: operation, pathParameters: pathParameters, at: pointer) {
            guard case .value(let parameter, _, _) = resolver.resolve(raw, at: location),
                let wire = parameter["name"]?.stringValue, let place = parameter["in"]?.stringValue
            else {
                warn("a parameter could not be read; it was left out", at: location)
                continue
            }
            guard ["path", "query", "header"].contains(place) else {
                warn("\(place) parameter '\(wire)' is not supported; it was left out", at: location)
                continue
            }
            if place == "header", Self.managedHeaders.contains(wire.lowercased()) { continue }
            if place == "header", !Self.isHeaderName(wire) {
                warn("header parameter '\(wire)' is not a valid header name; it was left out", at: location)
                continue
            }
            if place == "path", !placeholders.contains(wire) {
                warn("path parameter '\(wire)' is not in the path; it was left out", at: location)
                continue
            }
            var argument = Self.argumentName(wire)
            if kind == .list, Self.listArguments.contains(argument) { argument = "\(place)_\(argument)" }
            while parameters[argument] != nil { argument += "_\(place)" }
            let schemaValue = parameter["schema"] ?? parameter["content"]?.objectValue?.members.first?.value["schema"]
            let translation = translator.translate(
                schemaValue ?? ["type": "string"], at: location.appending("schema"), fallback: "string")
            for note in translation.notes { warn("parameter '\(wire)': \(note)", at: location) }
            var schema = translation.schema
            if place == "path", let type = schema["type"]?.stringValue, type == "object" || type == "array" {
                schema = ["type": "string"]
            }
            var entry: JSONObject = ["in": .string(place)]
            let deepObject = parameter["style"]?.stringValue == "deepObject"
            if deepObject, place == "query", schema["type"] == "array" {
                entry["name"] = .string(wire + "[]")  // Stripe-style `expand[]=a&expand[]=b`
            } else if deepObject {
                warn("parameter '\(wire)' uses style deepObject; check how the vendor wants it encoded", at: location)
            }
            if argument != wire {
                if place == "path" {
                    requestPath = requestPath.replacingPlaceholder(wire, with: argument)
                } else if entry["name"] == nil {
                    entry["name"] = .string(wire)
                }
            }
            for member in schema.members { entry[member.key] = member.value }
            if let text = Self.describe(parameter["description"]?.stringValue, translation) {
                entry["description"] = .string(text)
            }
            if place != "path", parameter["required"]?.boolValue == true { entry["required"] = true }
            if place == "query", parameter["explode"]?.boolValue == false, schema["type"] == "array" {
                entry["explode"] = false
            }
            if place == "query" { queryForPaging.append(.init(name: wire, schema: schema)) }
            wireNames[wire] = argument
            parameters[argument] = .object(entry)
        }

        for name in placeholders where !wireNames.keys.contains(name) {
            // Path placeholders the document forgot to declare still need an argument.
            let argument = Self.argumentName(name)
            if argument != name { requestPath = requestPath.replacingPlaceholder(name, with: argument) }
            parameters[argument] = ["in": "path", "type": "string"]
            wireNames[name] = argument
            warn("path parameter '\(name)' is not declared; it was added as a string")
        }
        var formBody = false
        if let body = operation["requestBody"], !isEmptyBody(body, at: pointer.appending("requestBody")) {
            formBody = addBody(
                body, at: pointer.appending("requestBody"), kind: kind, to: &parameters, warnings: &warnings)
        }

        var pagination: JSONObject?
        var todo: String?
        if kind == .list {
            let linkHeader = Self.declaresLinkHeader(operation, resolver: resolver, at: pointer)
            let guess = PaginationGuess(query: queryForPaging, response: response, linkHeader: linkHeader)
            for wire in guess.consumed {
                if let argument = wireNames[wire] { parameters.removeValue(forKey: argument) }
            }
            pagination = guess.pagination
            if let note = guess.todo {
                todo = "TODO: " + note
                warn("\(method) \(path): \(note)")
            }
        }
        var description = DescriptionText.operation(
            summary: operation["summary"]?.stringValue, description: operation["description"]?.stringValue)
        if description.isEmpty {
            description =
                operation["operationId"]?.stringValue.map { "\($0) (\(method) \(path))." }
                ?? "Calls \(method) \(path)."
        }
        return ImportedOperation(
            method: method, path: requestPath, shape: shape, kind: kind, operation: name, description: description,
            parameters: parameters, formBody: formBody, pagination: pagination, todo: todo, pointer: pointer)
    }

    /// The path item's parameters overridden by the operation's own (same name and place), each
    /// with its location in the document.
    private func collectParameters(operation: JSONValue, pathParameters: [JSONValue], at pointer: JSONPointer)
        -> [(JSONValue, JSONPointer)]
    {
        let pathItem = JSONPointer(tokens: Array(pointer.tokens.dropLast()))
        var result: [(JSONValue, JSONPointer, key: String)] = []
        func key(_ value: JSONValue, _ location: JSONPointer) -> String {
            guard case .value(let parameter, _, _) = resolver.resolve(value, at: location) else { return "?" }
            return "\(parameter["in"]?.plainText ?? "")/\(parameter["name"]?.plainText ?? "")"
        }
        for (index, value) in pathParameters.enumerated() {
            let location = pathItem.appending("parameters").appending(index)
            result.append((value, location, key(value, location)))
        }
        for (index, value) in (operation["parameters"]?.arrayValue ?? []).enumerated() {
            let location = pointer.appending("parameters").appending(index)
            let name = key(value, location)
            if let existing = result.firstIndex(where: { $0.key == name && name != "?" }) {
                result[existing] = (value, location, name)
            } else {
                result.append((value, location, name))
            }
        }
        // Path placeholders first, in the order the path names them, so the tool reads naturally.
        let paths = result.filter { $0.key.hasPrefix("path/") }
        let others = result.filter { !$0.key.hasPrefix("path/") }
        return (paths + others).map { ($0.0, $0.1) }
    }

    /// Adds the top-level properties of the request body as `body` parameters; returns whether
    /// the body is form-encoded.
    private func addBody(
        _ raw: JSONValue, at pointer: JSONPointer, kind: OperationKind, to parameters: inout JSONObject,
        warnings: inout [Diagnostic]
    ) -> Bool {
        func warn(_ message: String) {
            warnings.append(Diagnostic(file: "", pointer: pointer, severity: .warning, message: message))
        }
        guard case .value(let body, let bodyPointer, _) = resolver.resolve(raw, at: pointer),
            let content = body["content"]?.objectValue
        else {
            warn("the request body could not be read; it was left out")
            return false
        }
        let json = content.members.first { $0.key.lowercased().contains("json") }
        let form = content.members.first { $0.key.lowercased().hasPrefix("application/x-www-form-urlencoded") }
        guard let chosen = json ?? form else {
            let types = content.keys.joined(separator: ", ")
            warn("request bodies of type \(types) are not supported; the body was left out")
            return false
        }
        let isForm = json == nil
        let schemaPointer = bodyPointer.appending("content").appending(chosen.key).appending("schema")
        let schemaValue = chosen.value["schema"] ?? ["type": "object"]
        let bodyRequired = body["required"]?.boolValue == true
        let (properties, required) = topLevelProperties(schemaValue, at: schemaPointer)
        guard !properties.isEmpty else {
            let translation = translator.translate(schemaValue, at: schemaPointer, fallback: "object")
            for note in translation.notes {
                warnings.append(
                    .init(file: "", pointer: schemaPointer, severity: .warning, message: "request body: \(note)"))
            }
            var entry: JSONObject = ["in": "body", "to": ""]
            for member in translation.schema.members { entry[member.key] = member.value }
            entry["description"] = .string(DescriptionText.parameter(translation.description) ?? "The request body.")
            if bodyRequired { entry["required"] = true }
            var argument = "body"
            while parameters[argument] != nil { argument += "_body" }
            parameters[argument] = .object(entry)
            return isForm
        }
        for (name, value, location) in properties {
            if case .value(let resolved, _, _) = resolver.resolve(value, at: location),
                resolved["readOnly"]?.boolValue == true
            {
                continue
            }
            var argument = Self.argumentName(name)
            if kind == .list, Self.listArguments.contains(argument) { argument = "body_\(argument)" }
            if parameters[argument] != nil { argument = "body_\(argument)" }
            while parameters[argument] != nil { argument += "_" }
            let translation = translator.translate(value, at: location, fallback: "object")
            for note in translation.notes {
                warnings.append(
                    .init(file: "", pointer: location, severity: .warning, message: "body property '\(name)': \(note)"))
            }
            var entry: JSONObject = ["in": "body"]
            if argument != name { entry["to"] = .string(JSONPointer(tokens: [name]).description) }
            for member in translation.schema.members { entry[member.key] = member.value }
            if let text = Self.describe(nil, translation) {
                entry["description"] = .string(text)
            }
            if bodyRequired, required.contains(name) { entry["required"] = true }
            parameters[argument] = .object(entry)
        }
        return isForm
    }

    /// Whether a request body declares nothing to send: no content, or an object schema without
    /// properties that allows none (Stripe declares such bodies on its `GET`s).
    private func isEmptyBody(_ raw: JSONValue, at pointer: JSONPointer) -> Bool {
        guard case .value(let body, let location, _) = resolver.resolve(raw, at: pointer) else { return false }
        guard let content = body["content"]?.objectValue, let first = content.members.first else { return true }
        let schemaPointer = location.appending("content").appending(first.key).appending("schema")
        guard let schema = first.value["schema"],
            content.count == 1 || content.keys.allSatisfy({ !$0.contains("json") })
        else { return false }
        let (properties, _) = topLevelProperties(schema, at: schemaPointer)
        guard properties.isEmpty, case .value(let resolved, _, _) = resolver.resolve(schema, at: schemaPointer) else {
            return false
        }
        return resolved["additionalProperties"]?.boolValue == false
    }

    /// The properties of an object schema (following references and merging `allOf`), with the
    /// names it requires.
    private func topLevelProperties(_ value: JSONValue, at pointer: JSONPointer)
        -> ([(String, JSONValue, JSONPointer)], Set<String>)
    {
        guard case .value(let schema, let location, _) = resolver.resolve(value, at: pointer) else { return ([], []) }
        var properties: [(String, JSONValue, JSONPointer)] = []
        var required = Set((schema["required"]?.arrayValue ?? []).compactMap(\.stringValue))
        for member in schema["properties"]?.objectValue ?? JSONObject() {
            properties.append((member.key, member.value, location.appending("properties").appending(member.key)))
        }
        for (index, part) in (schema["allOf"]?.arrayValue ?? []).enumerated() {
            let (more, needed) = topLevelProperties(part, at: location.appending("allOf").appending(index))
            for property in more where !properties.contains(where: { $0.0 == property.0 }) {
                properties.append(property)
            }
            required.formUnion(needed)
        }
        return (properties, required)
    }

    /// Whether the success response declares a `Link` header.
    private static func declaresLinkHeader(_ operation: JSONValue, resolver: RefResolver, at pointer: JSONPointer)
        -> Bool
    {
        guard let responses = operation["responses"]?.objectValue else { return false }
        for member in responses where member.key.hasPrefix("2") {
            guard case .value(let response, _, _) = resolver.resolve(member.value, at: pointer) else { continue }
            if response["headers"]?.objectValue?.keys.contains(where: { $0.lowercased() == "link" }) == true {
                return true
            }
        }
        return false
    }

    /// A parameter's description: its own (else its schema's), trimmed, keeping the translator's
    /// note on shapes it could not express.
    private static func describe(_ own: String?, _ translation: SchemaTranslator.Translation) -> String? {
        let text = DescriptionText.parameter(own ?? translation.description)
        guard own != nil, let note = translation.description?.firstRange(of: SchemaTranslator.shapesNote),
            let shapes = translation.description?[note.lowerBound...]
        else { return text }
        return (text.map { $0 + " " } ?? "") + shapes
    }

    /// The wire name when it is a valid argument name, else a snake_case identifier made from it.
    static func argumentName(_ wire: String) -> String {
        if isArgumentName(wire) { return wire }
        var name = PathShape.identifier(wire)
        if name.isEmpty { name = "value" }
        if let first = name.first, first.isNumber { name = "_" + name }
        return String(name.prefix(64))
    }

    /// Whether `name` is an HTTP header name (an RFC 9110 token), so nothing from the document can
    /// break a header line.
    static func isHeaderName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 256
            && name.unicodeScalars.allSatisfy { scalar in
                scalar.isASCII && scalar.value > 32 && scalar.value < 127
                    && !"\"(),/:;<=>?@[\\]{}".unicodeScalars.contains(scalar)
            }
    }

    /// `^[A-Za-z_][A-Za-z0-9_.-]{0,63}$`, the rule of the integration format.
    static func isArgumentName(_ name: String) -> Bool {
        guard let first = name.first, first.isASCII, first.isLetter || first == "_", name.utf8.count <= 64 else {
            return false
        }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "-") }
    }
}

extension String {
    /// The path with `{old}` renamed `{new}`.
    fileprivate func replacingPlaceholder(_ old: String, with new: String) -> String {
        split(separator: "{\(old)}", omittingEmptySubsequences: false).joined(separator: "{\(new)}")
    }
}
