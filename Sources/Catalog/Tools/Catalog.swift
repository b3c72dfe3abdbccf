/// A loaded, validated set of integrations and the tools exposed from them. Immutable: a reload
/// builds a new catalogue, and calls in flight keep the one they started with.
package struct Catalog: Sendable {
    /// The integrations loaded (after `--only`), by name.
    package let integrations: [String: Integration]
    /// The exposed tools, in load order (files sorted by name, then file order).
    package let tools: [Tool]
    /// The accounts of each integration (one member for most); ``integrations`` holds the one a
    /// call uses when it names none.
    package let accounts: [String: AccountSet]
    private let index: [String: Int]

    /// Creates a catalogue from integrations (one account each) and the tools to expose.
    package init(integrations: [Integration], tools: [Tool]) {
        self.init(accounts: integrations.map { AccountSet(members: [$0]) }, tools: tools)
    }

    /// Creates a catalogue from the accounts of each integration and the tools to expose.
    package init(accounts: [AccountSet], tools: [Tool]) {
        var byName: [String: Integration] = [:]
        var sets: [String: AccountSet] = [:]
        for set in accounts {
            guard let first = set.members.first else { continue }
            byName[first.name] = set.fallback ?? first
            sets[first.name] = set
        }
        self.integrations = byName
        self.accounts = sets
        self.tools = tools
        var index: [String: Int] = [:]
        for (position, tool) in tools.enumerated() { index[tool.name] = position }
        self.index = index
    }

    /// The exposed tool of that name, or `nil`.
    package func tool(named name: String) -> Tool? {
        index[name].map { tools[$0] }
    }
}
