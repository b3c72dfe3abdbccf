/// What loading produced: the usable catalogue and every diagnostic.
package struct CatalogLoadResult: Sendable {
    /// The integrations and tools that loaded cleanly and pass the filter.
    package var catalog: Catalog
    /// Errors and warnings, in file order.
    package var diagnostics: [Diagnostic]

    /// In `validate` mode: integration name → the variables it needs that are unset.
    package var unsetVariables: [String: [String]] = [:]

    /// One status per file loaded, in load order: ready, needs variables, file error or filtered
    /// out by `--only` (a file that is not even JSON is a file error named after the file).
    package var statuses: [IntegrationStatus] = []

    /// Whether any diagnostic is an error.
    package var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
