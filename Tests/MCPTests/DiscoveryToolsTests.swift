import JSON
import MCP
import Testing

@Suite struct DiscoveryToolsTests {
    @Test("the meta-tools cost at most 1,500 tokens in every revision, however many integrations there are")
    func budget() {
        let names = (0..<500).map { "integration_with_a_long_name_\($0)" }
        for revision in ProtocolRevision.allCases {
            for readOnly in [false, true] {
                let tools = DiscoveryTools.descriptors(integrations: names, readOnly: readOnly)
                let bytes = JSONValue.array(tools.map { ToolRenderer.tool($0, for: revision) }).encoded().utf8.count
                #expect((bytes + 3) / 4 <= 1500, "\(revision.rawValue): \(bytes / 4) tokens")
            }
        }
    }

    @Test("read-only leaves call_write_tool out; the descriptions teach search → describe → call")
    func shape() {
        let all = DiscoveryTools.descriptors(integrations: ["github"], readOnly: false).map(\.name)
        #expect(all == ["search_tools", "describe_tools", "call_read_tool", "call_write_tool"])
        let readOnly = DiscoveryTools.descriptors(integrations: ["github"], readOnly: true)
        #expect(readOnly.map(\.name) == ["search_tools", "describe_tools", "call_read_tool"])
        #expect(readOnly[0].description.contains("read-only") && !readOnly[0].description.contains("call_write_tool"))
        let search = DiscoveryTools.descriptors(integrations: ["github", "jira"], readOnly: false)[0].description
        #expect(
            search.contains("github, jira") && search.contains("describe_tools") && search.contains("call_write_tool"))
    }

    @Test("every meta-tool's input schema compiles and refuses unknown arguments")
    func schemas() throws {
        for tool in DiscoveryTools.descriptors(integrations: [], readOnly: false) {
            let schema = try JSONSchema(tool.inputSchema)
            #expect(!schema.validate(["unexpected": true]).isEmpty, "\(tool.name)")
        }
    }
}
