/// What loading produced: the usable catalogue and every diagnostic.
public struct CatalogLoadResult: Sendable {
    /// The integrations and tools that loaded cleanly and pass the filter.
    public var catalog: Catalog
    /// Errors and warnings, in file order.
    public var diagnostics: [Diagnostic]

    /// In `validate` mode: integration name → the variables it needs that are unset.
    public var unsetVariables: [String: [String]] = [:]

    /// One status per file loaded, in load order: ready, needs variables, file error or filtered
    /// out by `--only` (a file that is not even JSON is a file error named after the file).
    public var statuses: [IntegrationStatus] = []

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
