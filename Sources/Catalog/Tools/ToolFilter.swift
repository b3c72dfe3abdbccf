/// Which tools are exposed: `--only`, `--tags`, `--tools` and `--read-only` combined (intersection).
public struct ToolFilter: Sendable, Equatable {
    /// Integration names to load; `nil` for all.
    public var only: Set<String>?
    /// Tags of which a tool must carry at least one; `nil` for any.
    public var tags: Set<String>?
    /// Exact tool names; `nil` for all.
    public var tools: Set<String>?
    /// Expose only `list`, `get` and `search` kinds.
    public var readOnly: Bool
    /// `--only NAME:ACCOUNT`: the accounts to keep, by integration name (others keep all theirs).
    public var accounts: [String: Set<String>] = [:]

    /// Creates a filter; the default exposes everything.
    public init(only: Set<String>? = nil, tags: Set<String>? = nil, tools: Set<String>? = nil, readOnly: Bool = false) {
        self.only = only
        self.tags = tags
        self.tools = tools
        self.readOnly = readOnly
    }

    /// Whether the tool passes every part of the filter.
    public func admits(_ tool: Tool) -> Bool {
        if let only, !only.contains(tool.integration) { return false }
        if let tags, !tool.tags.contains(where: tags.contains) { return false }
        if let tools, !tools.contains(tool.name) { return false }
        if readOnly, !tool.kind.isRead { return false }
        return true
    }
}
