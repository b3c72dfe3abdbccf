import JSON

/// Turns an OpenAPI 3.0/3.1 JSON document into a draft integration file.
///
/// Stages: read and check the document (``OpenAPIDocument``), choose the operations
/// (`--include`/`--exclude`), translate each one (``OperationTranslator``), name them
/// (``OperationNamer``), assemble the file with its `base_url` and `auth` (``AuthMapper``), check it
/// with the same decoder `switchyard validate` uses (``DraftCheck``: an operation it would refuse
/// is left out with a warning, so the draft always validates), and render it (``DraftRenderer``).
/// Warnings are collected all along, each pointing into the OpenAPI document.
package struct OpenAPIImporter: Sendable {
    /// What the import was asked for.
    package var options: ImportOptions

    /// Creates an importer.
    package init(options: ImportOptions = ImportOptions()) {
        self.options = options
    }

    private static let methods = ["get", "post", "put", "patch", "delete"]

    /// Imports the document in `bytes`; `file` names it in warnings.
    ///
    /// - Throws: ``ImportError`` — exit status 2 for an unreadable document or a bad option, 1 when
    ///   no operation could be imported.
    package func draft(from bytes: [UInt8], file: String) throws(ImportError) -> ImportResult {
        let selector = try OperationSelector(include: options.include, exclude: options.exclude)
        if let name = options.name, !Self.isIntegrationName(name) {
            throw ImportError(.badOption, "--name '\(name)' must match [a-z][a-z0-9_]* (at most 32 characters)")
        }
        if let url = options.baseURL, !Self.isAcceptableBaseURL(url) {
            throw ImportError(
                .badOption, "--base-url '\(url)' must be an https:// URL (http:// only for loopback hosts)")
        }
        let document = try OpenAPIDocument(bytes: bytes)
        var warnings: [Diagnostic] = []
        let resolver = RefResolver(root: document.root)
        let translator = OperationTranslator(
            root: document.root, resolver: resolver, translator: SchemaTranslator(resolver: resolver),
            itemPaths: Set(document.paths.keys.map { PathShape($0).skeleton }))
        let server = ServerURL(document: document.root, override: options.baseURL)
        let name = options.name ?? Self.derivedName(host: server.host, title: document.title)
        let prefix = name.uppercased()

        var operations: [ImportedOperation] = []
        var skippedMethods = 0
        for path in document.paths {
            let itemPointer = JSONPointer(tokens: ["paths", path.key])
            guard path.key.hasPrefix("/"),
                case .value(let item, _, _) = resolver.resolve(path.value, at: itemPointer), item.objectValue != nil
            else {
                warnings.append(
                    .init(file: file, pointer: itemPointer, severity: .warning, message: "not a path item; skipped"))
                continue
            }
            let pathParameters = item["parameters"]?.arrayValue ?? []
            for member in item.objectValue ?? JSONObject() {
                let method = member.key.lowercased()
                guard Self.methods.contains(method) else {
                    if ["head", "options", "trace"].contains(method) { skippedMethods += 1 }
                    continue
                }
                let verb = method.uppercased()
                let operationID = member.value["operationId"]?.stringValue
                guard selector.selects(method: verb, path: path.key, operationID: operationID) else { continue }
                guard member.value.objectValue != nil else { continue }
                var local: [Diagnostic] = []
                let operation = translator.translate(
                    method: verb, path: path.key, operation: member.value, pathParameters: pathParameters,
                    at: itemPointer.appending(member.key), warnings: &local)
                warnings += local.map {
                    Diagnostic(file: file, pointer: $0.pointer, severity: .warning, message: $0.message)
                }
                operations.append(operation)
            }
        }
        guard !operations.isEmpty else {
            let filtered = options.include != nil || options.exclude != nil
            throw ImportError(
                .nothingImported,
                filtered
                    ? "no operation matches --include/--exclude: nothing to import"
                    : "the document has no GET, POST, PUT, PATCH or DELETE operations: nothing to import")
        }
        if let note = server.note {
            warnings.append(
                .init(file: file, pointer: JSONPointer(tokens: ["servers"]), severity: .warning, message: note))
        }
        let auth = AuthMapper(document: document.root, prefix: prefix, resolver: resolver)
        for note in auth.notes {
            let pointer = auth.pointer ?? JSONPointer(tokens: ["components", "securitySchemes"])
            warnings.append(.init(file: file, pointer: pointer, severity: .warning, message: note))
        }
        var top: JSONObject = [
            "$schema": "./schema/integration.schema.json", "name": .string(name),
        ]
        if let title = document.title { top["title"] = .string(DescriptionText.plain(title)) }
        let about = DescriptionText.operation(summary: document.title, description: document.description)
        if !about.isEmpty { top["description"] = .string(about) }
        top["base_url"] = .string(server.placeholder(prefix: prefix))
        if let auth = auth.auth { top["auth"] = .object(auth) }

        var check = DraftCheck(integration: name, top: top, operations: operations)
        let refused = check.run()
        for (operation, message) in refused {
            warnings.append(
                .init(
                    file: file, pointer: operation.pointer, severity: .warning,
                    message: "\(operation.method) \(operation.path) was left out: \(message)"))
        }
        guard let integration = check.result, check.kept > 0 else {
            throw ImportError(.nothingImported, "no operation could be imported in a form that validates")
        }
        return ImportResult(
            integration: integration, text: DraftRenderer.render(integration), warnings: warnings,
            operationCount: check.kept)
    }

    /// Whether `name` is a valid integration name of a sensible length.
    static func isIntegrationName(_ name: String) -> Bool {
        guard let first = name.first, first >= "a", first <= "z", name.count <= 32 else { return false }
        return name.allSatisfy { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "_" }
    }

    private static func isAcceptableBaseURL(_ url: String) -> Bool {
        let lower = url.lowercased()
        if lower.hasPrefix("https://"), lower.count > "https://".count, !url.contains("${") { return true }
        return IntegrationDecoder.isLoopbackURL(url)
    }

    /// A name from the servers' host (`api.github.com` → `github`), else the title's first word.
    static func derivedName(host: String?, title: String?) -> String {
        if let host {
            let labels = host.split(separator: ".").map(String.init)
            if labels.count >= 2, !labels.allSatisfy({ $0.allSatisfy(\.isNumber) }) {
                let candidate = PathShape.identifier(labels[labels.count - 2])
                if isIntegrationName(candidate) { return candidate }
            }
        }
        let words = PathShape.identifier(title ?? "").split(separator: "_")
        if let first = words.first, isIntegrationName(String(first)) { return String(first) }
        return "api"
    }
}
