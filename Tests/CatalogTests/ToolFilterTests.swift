import Catalog
import JSON
import Testing

@Suite struct ToolFilterTests {
    /// Two integrations: `acme` (widgets: list, get, delete; tags inventory / admin) and `bolt` (orders: list, create).
    static func documents() throws -> [(file: String, document: JSONValue)] {
        var acme = try Fixture.acme()
        try acme.set("/resources/widgets/operations/delete", Fixture.operation("DELETE /widgets/{id}"))
        try acme.set(
            "/resources/widgets/operations/delete/parameters/id",
            ["in": "path", "type": "string", "description": "Id."])
        try acme.set("/resources/widgets/operations/delete/tags", ["admin"])
        var bolt = try Fixture.acme(named: "bolt")
        try bolt.set("/resources/widgets/tags", ["orders"])
        try bolt.remove("/resources/widgets/operations/get")
        try bolt.set("/resources/widgets/operations/create", Fixture.operation("POST /widgets"))
        return [("acme.json", acme), ("bolt.json", bolt)]
    }

    static func names(_ filter: ToolFilter) throws -> [String] {
        let result = try Load.documents(documents(), filter: filter)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
        return result.toolNames
    }

    @Test("the default filter exposes every tool")
    func everything() throws {
        #expect(
            try Self.names(ToolFilter()) == [
                "acme_widgets_list", "acme_widgets_get", "acme_widgets_delete", "bolt_widgets_list",
                "bolt_widgets_create",
            ])
    }

    @Test("only keeps the named integrations, and leaves the others out of the catalogue")
    func only() throws {
        #expect(try Self.names(ToolFilter(only: ["bolt"])) == ["bolt_widgets_list", "bolt_widgets_create"])
        let result = try Load.documents(Self.documents(), filter: ToolFilter(only: ["bolt"]))
        #expect(Set(result.catalog.integrations.keys) == ["bolt"])
        #expect(try Self.names(ToolFilter(only: ["nobody"])).isEmpty)
    }

    @Test("tags keep tools carrying at least one of them")
    func tags() throws {
        #expect(try Self.names(ToolFilter(tags: ["admin"])) == ["acme_widgets_delete"])
        #expect(
            try Self.names(ToolFilter(tags: ["admin", "orders"])) == [
                "acme_widgets_delete", "bolt_widgets_list", "bolt_widgets_create",
            ])
        #expect(
            try Self.names(ToolFilter(tags: ["inventory"])) == [
                "acme_widgets_list", "acme_widgets_get", "acme_widgets_delete",
            ], "resource tags are inherited by every operation")
    }

    @Test("tools keeps exactly the named tools")
    func tools() throws {
        #expect(
            try Self.names(ToolFilter(tools: ["bolt_widgets_create", "acme_widgets_get", "missing"])) == [
                "acme_widgets_get", "bolt_widgets_create",
            ])
    }

    @Test("read-only keeps list, get and search kinds")
    func readOnly() throws {
        #expect(
            try Self.names(ToolFilter(readOnly: true)) == [
                "acme_widgets_list", "acme_widgets_get", "bolt_widgets_list",
            ])
    }

    @Test("the parts combine as an intersection")
    func intersection() throws {
        #expect(try Self.names(ToolFilter(only: ["acme"], tags: ["admin"], readOnly: true)).isEmpty)
        #expect(
            try Self.names(ToolFilter(only: ["acme"], tags: ["inventory"], readOnly: true)) == [
                "acme_widgets_list", "acme_widgets_get",
            ])
        #expect(
            try Self.names(ToolFilter(tags: ["orders"], tools: ["bolt_widgets_create", "acme_widgets_get"])) == [
                "bolt_widgets_create"
            ])
        #expect(
            try Self.names(
                ToolFilter(
                    only: ["bolt"], tags: ["orders"], tools: ["bolt_widgets_list", "bolt_widgets_create"],
                    readOnly: true))
                == ["bolt_widgets_list"])
    }

    @Test("admits decides from the tool alone")
    func admits() throws {
        let result = try Load.documents(Self.documents())
        let delete = try #require(result.catalog.tool(named: "acme_widgets_delete"))
        #expect(ToolFilter().admits(delete))
        #expect(!ToolFilter(readOnly: true).admits(delete))
        #expect(ToolFilter(tags: ["admin"], tools: ["acme_widgets_delete"]).admits(delete))
        #expect(!ToolFilter(only: ["bolt"]).admits(delete))
    }

    @Test("a filtered-out tool is not found by name")
    func lookup() throws {
        let result = try Load.documents(Self.documents(), filter: ToolFilter(readOnly: true))
        #expect(result.catalog.tool(named: "acme_widgets_get") != nil)
        #expect(result.catalog.tool(named: "acme_widgets_delete") == nil)
        #expect(result.catalog.integrations.count == 2, "read-only filters tools, not integrations")
    }
}
