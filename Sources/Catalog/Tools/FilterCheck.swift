/// Checks that every value of `--only`, `--tools` and `--tags` names something in the files read:
/// a filter that names nothing exposes nothing, silently, so it is a usage error with a "did you
/// mean". All matching of a filter value against what exists lives here (an `--only NAME:ACCOUNT`
/// form would change ``integrationName(inOnlyValue:)`` alone).
package struct FilterCheck: Sendable {
    /// Every integration name the files define, loaded or not (unset variables, filtered out).
    package var integrations: Set<String>
    /// Every tool name the readable files define, whatever its integration's state.
    package var tools: Set<String>
    /// Every tag those tools carry.
    package var tags: Set<String>

    /// Creates a check over what the files define.
    package init(integrations: Set<String>, tools: Set<String>, tags: Set<String>) {
        self.integrations = integrations
        self.tools = tools
        self.tags = tags
    }

    /// A check over a catalogue loaded whole (no filter, variables optional) and the statuses of
    /// the files read (which name integrations whose files could not be decoded too).
    package init(everything catalog: Catalog, statuses: [IntegrationStatus]) {
        self.init(
            integrations: Set(catalog.integrations.keys).union(statuses.map(\.name)),
            tools: Set(catalog.tools.map(\.name)), tags: Set(catalog.tools.flatMap(\.tags)))
    }

    /// The integration an `--only` value names.
    package static func integrationName(inOnlyValue value: String) -> String {
        value
    }

    /// One line per filter value that names nothing, e.g. `--only githbu names no integration (did
    /// you mean github?)`; empty when every value names something.
    package func problems(in filter: ToolFilter) -> [String] {
        var lines: [String] = []
        for value in (filter.only ?? []).sorted()
        where !integrations.contains(Self.integrationName(inOnlyValue: value)) {
            lines.append(line("--only", value, "integration", among: integrations))
        }
        for value in (filter.tools ?? []).sorted() where !tools.contains(value) {
            lines.append(line("--tools", value, "tool", among: tools))
        }
        for value in (filter.tags ?? []).sorted() where !tags.contains(value) {
            lines.append(line("--tags", value, "tag", among: tags))
        }
        return lines
    }

    /// The closest names to `value` (at most three, by edit distance), for a "did you mean".
    package static func suggestions(for value: String, among names: Set<String>) -> [String] {
        let limit = max(2, value.count / 3)
        let scored = names.map { ($0, EditDistance.between(value, $0, atMost: limit)) }.filter { $0.1 <= limit }
        let prefixed = names.filter { $0.hasPrefix(value) || value.hasPrefix($0) }.map { ($0, limit) }
        var seen: Set<String> = []
        return (scored + prefixed).sorted { ($0.1, $0.0) < ($1.1, $1.0) }.map(\.0)
            .filter { seen.insert($0).inserted }.prefix(3).map { $0 }
    }

    private func line(_ option: String, _ value: String, _ what: String, among names: Set<String>) -> String {
        let suggestions = Self.suggestions(for: value, among: names)
        if !suggestions.isEmpty {
            return "\(option) \(value) names no \(what) (did you mean \(suggestions.joined(separator: ", "))?)"
        }
        if names.isEmpty { return "\(option) \(value) names no \(what): the integration files define none" }
        if names.count <= 12 {
            return "\(option) \(value) names no \(what) (\(what)s: \(names.sorted().joined(separator: ", ")))"
        }
        return "\(option) \(value) names no \(what) (see switchyard tools)"
    }
}
