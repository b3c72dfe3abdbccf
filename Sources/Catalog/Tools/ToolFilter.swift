/// Which tools are exposed: `--only`, `--tags`, `--tools` and `--read-only` combined (intersection).
package struct ToolFilter: Sendable, Equatable {
    /// Integration names to load; `nil` for all.
    package var only: Set<String>?
    /// Tags of which a tool must carry at least one; `nil` for any.
    package var tags: Set<String>?
    /// Exact tool names; `nil` for all.
    package var tools: Set<String>?
    /// Expose only `list`, `get` and `search` kinds.
    package var readOnly: Bool
    /// `--only NAME:ACCOUNT`: the accounts to keep, by integration name (others keep all theirs).
    package var accounts: [String: Set<String>] = [:]

    /// Creates a filter; the default exposes everything.
    package init(only: Set<String>? = nil, tags: Set<String>? = nil, tools: Set<String>? = nil, readOnly: Bool = false)
    {
        self.only = only
        self.tags = tags
        self.tools = tools
        self.readOnly = readOnly
    }

    /// Whether the tool passes every part of the filter.
    package func admits(_ tool: Tool) -> Bool {
        if let only, !only.contains(tool.integration) { return false }
        if let tags, !tool.tags.contains(where: tags.contains) { return false }
        if let tools, !tools.contains(tool.name) { return false }
        if readOnly, !tool.kind.isRead { return false }
        return true
    }
}
