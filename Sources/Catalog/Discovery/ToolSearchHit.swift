/// One tool found by ``ToolSearchIndex/search(_:limit:tags:)``, as `search_tools` reports it.
package struct ToolSearchHit: Sendable, Equatable {
    /// The tool name.
    package var name: String
    /// The integration it belongs to.
    package var integration: String
    /// The operation kind.
    package var kind: OperationKind
    /// The first sentence of the tool's description.
    package var summary: String
    /// What the tool's full definition costs in a prompt (bytes of its JSON / 4).
    package var tokens: Int
    /// The ranking score (higher is better); only its order means anything.
    package var score: Double

    /// Creates a hit.
    package init(name: String, integration: String, kind: OperationKind, summary: String, tokens: Int, score: Double) {
        self.name = name
        self.integration = integration
        self.kind = kind
        self.summary = summary
        self.tokens = tokens
        self.score = score
    }
}
