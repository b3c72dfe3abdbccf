/// A loaded, validated set of integrations and the tools exposed from them. Immutable: a reload
/// builds a new catalogue, and calls in flight keep the one they started with.
public struct Catalog: Sendable {
    /// The integrations loaded (after `--only`), by name.
    public let integrations: [String: Integration]
    /// The exposed tools, in load order (files sorted by name, then file order).
    public let tools: [Tool]
    private let index: [String: Int]

    /// Creates a catalogue from integrations and the tools to expose.
    public init(integrations: [Integration], tools: [Tool]) {
        var byName: [String: Integration] = [:]
        for integration in integrations { byName[integration.name] = integration }
        self.integrations = byName
        self.tools = tools
        var index: [String: Int] = [:]
        for (position, tool) in tools.enumerated() { index[tool.name] = position }
        self.index = index
    }

    /// The exposed tool of that name, or `nil`.
    public func tool(named name: String) -> Tool? {
        index[name].map { tools[$0] }
    }
}
