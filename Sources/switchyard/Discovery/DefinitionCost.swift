import Catalog
import MCP

/// What a tool definition costs in a prompt: bytes of its JSON, as `tools/list` sends it under
/// the newest legacy revision, divided by four (rounded up) — the estimate `switchyard tools`
/// prints and `search_tools` reports as `tokens`.
package enum DefinitionCost {
    /// The cost of a catalogue tool's definition.
    package static func tokens(of tool: Tool) -> Int {
        tokens(of: CatalogToolHost.descriptor(for: tool))
    }

    /// The cost of a definition.
    package static func tokens(of descriptor: ToolDescriptor, for revision: ProtocolRevision = .newestLegacy) -> Int {
        (ToolRenderer.tool(descriptor, for: revision).encoded().utf8.count + 3) / 4
    }
}
