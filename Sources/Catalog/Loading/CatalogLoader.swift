import Dispatch
import FoundationEssentials
import JSON
import Synchronization

/// Loads integration files from directories and files into a ``Catalog``, collecting every diagnostic.
///
/// A directory contributes its `*.json` files (not those of subdirectories, so `schema/` and
/// recorded sessions beside them are not mistaken for integrations), sorted by name. A file with
/// errors is left out; an integration whose variables are unset is left out with one warning.
package struct CatalogLoader: Sendable {
    /// The directories and files to load, in order.
    package var paths: [String]
    /// The environment `${VAR}` reads from.
    package var environment: [String: String]
    /// Which tools to expose.
    package var filter: ToolFilter
    /// When true (replay), unset variables used only by `auth` are not an error.
    package var credentialsOptional: Bool
    /// When true (`validate`), unset variables never leave an integration out: they are listed in
    /// ``CatalogLoadResult/unsetVariables`` instead, and the file is checked whole.
    package var variablesOptional = false

    /// Creates a loader.
    package init(
        paths: [String], environment: [String: String], filter: ToolFilter = ToolFilter(),
        credentialsOptional: Bool = false
    ) {
        self.paths = paths
        self.environment = environment
        self.filter = filter
        self.credentialsOptional = credentialsOptional
    }

    /// The files the paths name, in load order; unreadable paths are returned as diagnostics.
    package func files() -> (files: [String], diagnostics: [Diagnostic]) {
        var files: [String] = []
        var diagnostics: [Diagnostic] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                diagnostics.append(
                    Diagnostic(file: path, pointer: .root, severity: .error, message: "no such file or directory"))
                continue
            }
            guard isDirectory else {
                files.append(path)
                continue
            }
            guard let entries = try? manager.contentsOfDirectory(atPath: path) else {
                diagnostics.append(
                    Diagnostic(file: path, pointer: .root, severity: .error, message: "directory cannot be read"))
                continue
            }
            let base = path.hasSuffix("/") ? path : path + "/"
            for entry in entries.sorted() where entry.hasSuffix(".json") && !entry.hasPrefix(".") {
                var entryIsDirectory = false
                if manager.fileExists(atPath: base + entry, isDirectory: &entryIsDirectory), !entryIsDirectory {
                    files.append(base + entry)
                }
            }
        }
        return (files, diagnostics)
    }

    /// Loads everything: the catalogue of what is usable, all diagnostics, and every file's status.
    package func load() -> CatalogLoadResult {
        var (files, diagnostics) = files()
        var integrations: [AccountSet] = []
        var unset: [String: [String]] = [:]
        var origins: [String: String] = [:]
        var statuses: [IntegrationStatus] = []
        // Files are read and decoded side by side (the dearest part of a load, and `initialize`
        // waits for it); what they found is then taken in file order, as before.
        let decoded = decodeAll(files)
        for (file, fileResult) in zip(files, decoded) {
            let (members, fileDiagnostics) = (fileResult.members, fileResult.diagnostics)
            unset.merge(fileResult.unset) { first, _ in first }
            statuses += fileResult.statuses
            diagnostics += fileDiagnostics
            guard let name = members.first?.name else { continue }
            if let other = origins[name] {
                diagnostics.append(
                    Diagnostic(
                        file: file, pointer: JSONPointer(tokens: ["name"]), severity: .error,
                        message: "integration '\(name)' is already defined in \(other)"))
                statuses.append(IntegrationStatus(name: name, file: file, state: .fileError))
                continue
            }
            origins[name] = file
            guard let accounts = filter.accounts(of: AccountSet(members: members), diagnostics: &diagnostics) else {
                statuses.append(IntegrationStatus(name: name, file: file, state: .filteredOut))
                continue
            }
            integrations.append(accounts)
        }
        var tools: [Tool] = []
        var toolOrigins: [String: String] = [:]
        var usable: [AccountSet] = []
        for accounts in integrations where filter.only?.contains(accounts.members[0].name) ?? true {
            let integration = accounts.fallback ?? accounts.members[0]
            var built: [Tool] = []
            var failed = false
            for operation in integration.operations {
                let pointer = JSONPointer(tokens: ["resources", operation.resource, "operations", operation.key])
                if let other = toolOrigins[operation.toolName] {
                    diagnostics.append(
                        Diagnostic(
                            file: integration.file, pointer: pointer, severity: .error,
                            message: "tool name '\(operation.toolName)' is already used (\(other))"))
                    failed = true
                    continue
                }
                toolOrigins[operation.toolName] = integration.file
                if accounts.isChoice, operation.parameters.contains(where: { $0.name == "account" }) {
                    diagnostics.append(
                        Diagnostic(
                            file: integration.file, pointer: pointer, severity: .error,
                            message: "parameter 'account' collides with the account choice of '\(integration.name)'"))
                    failed = true
                    continue
                }
                do {
                    let tool = try ToolBuilder.tool(for: operation, in: integration)
                    built.append(try AccountParameter.adding(to: tool, accounts: accounts))
                } catch {
                    diagnostics.append(
                        Diagnostic(
                            file: integration.file, pointer: pointer, severity: .error,
                            message: "invalid schema: \(error)"))
                    failed = true
                }
            }
            guard !failed else {
                statuses.append(IntegrationStatus(name: integration.name, file: integration.file, state: .fileError))
                continue
            }
            statuses.append(IntegrationStatus(name: integration.name, file: integration.file, state: .ready))
            usable.append(accounts)
            tools += built.filter(filter.admits)
        }
        return CatalogLoadResult(
            catalog: Catalog(accounts: usable, tools: tools), diagnostics: diagnostics, unsetVariables: unset,
            statuses: statuses.sorted { files.firstIndex(of: $0.file) ?? 0 < files.firstIndex(of: $1.file) ?? 0 })
    }

    /// What decoding one file found.
    private struct FileResult: Sendable {
        var members: [Integration] = []
        var diagnostics: [Diagnostic] = []
        var unset: [String: [String]] = [:]
        var statuses: [IntegrationStatus] = []
    }

    /// Decodes every file, on as many threads as the machine has cores, in file order.
    private func decodeAll(_ files: [String]) -> [FileResult] {
        let results = Mutex([FileResult](repeating: FileResult(), count: files.count))
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            var result = FileResult()
            (result.members, result.diagnostics) = decode(
                file: files[index], unset: &result.unset, statuses: &result.statuses)
            results.withLock { $0[index] = result }
        }
        return results.withLock { $0 }
    }

    /// Reads, parses and decodes one file: every complete account of it (the default first), or
    /// none; a file left out gets its status in `statuses` (a decoded one gets it from ``load()``,
    /// which still has to build its tools).
    func decode(
        file: String, unset: inout [String: [String]], statuses: inout [IntegrationStatus]
    ) -> ([Integration], [Diagnostic]) {
        let sink = DiagnosticSink(file: file)
        guard let data = FileManager.default.contents(atPath: file) else {
            sink.error(at: .root, "file cannot be read")
            statuses.append(
                IntegrationStatus(name: IntegrationStatus.fallbackName(of: file), file: file, state: .fileError))
            return ([], sink.diagnostics)
        }
        let document: JSONValue
        do {
            document = try JSONParser.parse(data)
        } catch {
            let (line, column) = Self.position(of: error.offset, in: data)
            sink.error(at: .root, "invalid JSON at line \(line), column \(column): \(error.reason)")
            statuses.append(
                IntegrationStatus(name: IntegrationStatus.fallbackName(of: file), file: file, state: .fileError))
            return ([], sink.diagnostics)
        }
        // `--only` loads only the named integrations: others are not decoded, so they cannot warn.
        if let only = filter.only, let name = document["name"]?.stringValue, !only.contains(name) {
            statuses.append(IntegrationStatus(name: name, file: file, state: .filteredOut))
            return ([], [])
        }
        var decoder = IntegrationDecoder(
            sink: sink, interpolator: EnvironmentInterpolator(environment: environment),
            credentialsOptional: credentialsOptional)
        let integration = decoder.decode(document)
        let accounts = variablesOptional || sink.hasErrors ? [] : decodeAccounts(document, decoder.references, sink)
        if !decoder.missingVariables.isEmpty, variablesOptional {
            unset[integration?.name ?? file] = decoder.missingVariables
        } else if !decoder.missingVariables.isEmpty {
            // The unsuffixed variables are incomplete: no default account, which is fine when others exist.
            guard accounts.isEmpty else { return (accounts, sink.diagnostics) }
            let names = decoder.missingVariables.joined(separator: ", ")
            let label = integration?.name ?? file
            let plural = decoder.missingVariables.count == 1 ? "" : "s"
            sink.warning(at: .root, "integration '\(label)' left out: environment variable\(plural) \(names) not set")
            statuses.append(
                IntegrationStatus(name: label, file: file, state: .needsVariables(decoder.missingVariables)))
            return ([], sink.diagnostics)
        }
        guard let integration, !sink.hasErrors else {
            let name = integration?.name ?? document["name"]?.stringValue ?? IntegrationStatus.fallbackName(of: file)
            statuses.append(IntegrationStatus(name: name, file: file, state: .fileError))
            return ([], sink.diagnostics)
        }
        return ([integration] + accounts, sink.diagnostics)
    }

    /// The complete named accounts of a document (``AccountDiscovery``); an incomplete one is left
    /// out with a warning naming the variables it lacks.
    private func decodeAccounts(_ document: JSONValue, _ references: VariableReferences, _ sink: DiagnosticSink)
        -> [Integration]
    {
        let discovery = AccountDiscovery(environment: environment)
        var members: [Integration] = []
        for account in discovery.accounts(for: references) {
            let accountSink = DiagnosticSink(file: sink.file)
            var decoder = IntegrationDecoder(
                sink: accountSink,
                interpolator: EnvironmentInterpolator(
                    environment: discovery.environment(of: account, references: references)),
                credentialsOptional: credentialsOptional)
            guard var integration = decoder.decode(document), !accountSink.hasErrors else {
                for diagnostic in accountSink.diagnostics where diagnostic.severity == .error {
                    sink.error(at: diagnostic.pointer, "account '\(account)': \(diagnostic.message)")
                }
                continue
            }
            guard decoder.missingVariables.isEmpty else {
                let names = decoder.missingVariables.map { $0 + "__" + account }.joined(separator: ", ")
                sink.warning(
                    at: .root, "account '\(account)' of '\(integration.name)' left out: \(names) not set")
                continue
            }
            integration.account = account
            members.append(integration)
        }
        return members
    }

    private static func position(of offset: Int, in data: Data) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for byte in data.prefix(offset) {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }
}
