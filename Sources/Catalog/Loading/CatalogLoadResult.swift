/// What loading produced: the usable catalogue and every diagnostic.
public struct CatalogLoadResult: Sendable {
    /// The integrations and tools that loaded cleanly and pass the filter.
    public var catalog: Catalog
    /// Errors and warnings, in file order.
    public var diagnostics: [Diagnostic]

    /// In `validate` mode: integration name → the variables it needs that are unset.
    public var unsetVariables: [String: [String]] = [:]

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
