/// Chooses operations with `--include` and `--exclude` regular expressions.
///
/// Each expression is searched (not anchored) in `METHOD /path` — e.g. `GET /repos/{owner}/{repo}/issues`
/// — and in the `operationId`. An operation is kept when `include` is absent or found in either, and
/// `exclude` is absent or found in neither.
struct OperationSelector {
    private let include: Regex<AnyRegexOutput>?
    private let exclude: Regex<AnyRegexOutput>?

    /// Compiles the expressions.
    ///
    /// - Throws: ``ImportError/Code/badOption`` naming the expression that does not compile.
    init(include: String?, exclude: String?) throws(ImportError) {
        self.include = try Self.compile(include, option: "--include")
        self.exclude = try Self.compile(exclude, option: "--exclude")
    }

    /// Whether the operation is kept.
    func selects(method: String, path: String, operationID: String?) -> Bool {
        let texts = ["\(method) \(path)"] + (operationID.map { [$0] } ?? [])
        if let include, !texts.contains(where: { $0.firstMatch(of: include) != nil }) { return false }
        if let exclude, texts.contains(where: { $0.firstMatch(of: exclude) != nil }) { return false }
        return true
    }

    private static func compile(_ pattern: String?, option: String) throws(ImportError) -> Regex<AnyRegexOutput>? {
        guard let pattern else { return nil }
        guard pattern.utf8.count <= 1000, let regex = try? Regex(pattern) else {
            throw ImportError(.badOption, "\(option) '\(pattern)' is not a valid regular expression")
        }
        return regex
    }
}
