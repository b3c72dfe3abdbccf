import Catalog

/// What the integration files define and what the options expose of it: the catalogue loaded
/// under the options, and a second one loaded whole (no filter, variables optional) so commands
/// can show and explain the tools that are not served.
struct CatalogSurvey: Sendable {
    /// The load under the options (the tools that are served).
    let loaded: CatalogLoadResult
    /// Every tool of every readable file, whatever its integration's state.
    let whole: CatalogLoadResult
    /// The options' filter.
    let filter: ToolFilter

    /// A survey of two loads already made.
    init(loaded: CatalogLoadResult, whole: CatalogLoadResult, filter: ToolFilter) {
        self.loaded = loaded
        self.whole = whole
        self.filter = filter
    }

    /// Takes `loaded` as the options' load and makes `whole` with the same paths, no filter and
    /// variables optional.
    init(loaded: CatalogLoadResult, loader: CatalogLoader) {
        self.init(loaded: loaded, whole: Self.wholeLoader(like: loader).load(), filter: loader.filter)
    }

    /// A loader of the same paths and environment that loads every file whole: no filter, and
    /// unset variables leave nothing out.
    static func wholeLoader(like loader: CatalogLoader) -> CatalogLoader {
        var everything = loader
        everything.filter = ToolFilter()
        everything.variablesOptional = true
        everything.credentialsOptional = true
        return everything
    }

    /// The filter values that name nothing the files define, one line each.
    var filterProblems: [String] {
        FilterCheck(everything: whole.catalog, statuses: whole.statuses).problems(in: filter)
    }

    /// Throws the first filter problem as a usage error (all of them in one line when several).
    func checkFilters() throws(UsageError) {
        let problems = filterProblems
        guard !problems.isEmpty else { return }
        throw UsageError(problems.joined(separator: "; "))
    }

    /// The status of the integration of that name under the options.
    func status(of integration: String) -> IntegrationStatus? {
        loaded.statuses.first { $0.name == integration }
    }

    /// Whether `tool` (from ``whole``) is served, and if not, why.
    func availability(of tool: Tool) -> ToolAvailability {
        if loaded.catalog.tool(named: tool.name) != nil { return .ready }
        switch status(of: tool.integration)?.state {
        case .needsVariables(let variables): return .needs(variables)
        case .fileError, nil: return .fileError
        case .filteredOut: return .filteredOut(reason: "filtered out: --only does not name \(tool.integration)")
        case .ready: break
        }
        if filter.readOnly, !tool.kind.isRead { return .filteredOut(reason: "hidden by --read-only") }
        if let tools = filter.tools, !tools.contains(tool.name) {
            return .filteredOut(reason: "filtered out: --tools does not name it")
        }
        if let tags = filter.tags, !tool.tags.contains(where: tags.contains) {
            let carried = tool.tags.isEmpty ? "no tags" : "tags " + tool.tags.joined(separator: ", ")
            return .filteredOut(reason: "filtered out: it carries \(carried), none of --tags")
        }
        return .filteredOut(reason: "filtered out")
    }

    /// The statuses of integrations whose files could not be decoded at all (they have no tools to list).
    var brokenFiles: [IntegrationStatus] {
        whole.statuses.filter { $0.state == .fileError }
    }
}
