extension ToolFilter {
    /// The accounts of `set` this filter keeps (`--only github:WORK`), or `nil` with an error
    /// diagnostic when it names an account the integration does not have. Account names match
    /// exactly, or else ignoring case when that finds exactly one.
    func accounts(of set: AccountSet, diagnostics: inout [Diagnostic]) -> AccountSet? {
        guard let integration = set.members.first, let wanted = accounts[integration.name] else { return set }
        var kept: [Integration] = []
        for name in wanted.sorted() {
            let exact = set.member(named: name)
            let folded = set.members.filter { ($0.account ?? AccountSet.defaultName).lowercased() == name.lowercased() }
            guard let member = exact ?? (folded.count == 1 ? folded.first : nil) else {
                diagnostics.append(
                    Diagnostic(
                        file: integration.file, pointer: .root, severity: .error,
                        message:
                            "--only \(integration.name):\(name): no such account (accounts: \(set.names.joined(separator: ", ")))"
                    ))
                return nil
            }
            if !kept.contains(where: { $0.account == member.account }) { kept.append(member) }
        }
        return AccountSet(members: kept)
    }
}
