import JSON
import Testing

@testable import Catalog

/// The ranking's signals beyond BM25F: a named integration, the request's intent, a named
/// resource, and clauses about other tools left out; each test fails when its signal is off.
@Suite struct ToolSearchSignalTests {
    @Test("a query naming an integration puts that integration's tools first")
    func namedIntegration() throws {
        var bolt = try Fixture.acme(named: "bolt")
        try bolt.set("/title", "Bolt")
        try bolt.set("/description", "Orders of the Bolt shop.")
        try bolt.set("/resources/widgets/description", "Widgets: gizmos, doodads and thingamajigs.")
        let result = try Load.documents([("acme.json", try Fixture.acme()), ("bolt.json", bolt)])
        let index = ToolSearchIndex(catalog: result.catalog, cost: { _ in 1 })
        #expect(index.search("gizmos doodads thingamajigs", limit: 1).first?.integration == "bolt")
        #expect(index.search("acme gizmos doodads thingamajigs", limit: 1).first?.integration == "acme")
        // "Acme" names no integration when another's title or description says it too.
        #expect(
            try ToolSearchIndexTests.index().search("acme shipping", limit: 1).map(\.name) == ["bolt_widgets_create"])
    }

    @Test("a question lowers the tools that write, a leading verb of change the tools that read")
    func intent() throws {
        let index = try ToolSearchIndexTests.index()
        func score(_ query: String, _ tool: String) -> Double? {
            index.search(query, limit: 10).first { $0.name == tool }?.score
        }
        // "which", "are" and "draft" are no terms of any tool: only the intent differs.
        let (list, create) = ("bolt_widgets_list", "bolt_widgets_create")
        #expect(score("which bolt widgets are shipping", list) == score("bolt widgets shipping", list))
        #expect(
            try #require(score("which bolt widgets are shipping", create)) < #require(
                score("bolt widgets shipping", create)))
        #expect(score("draft bolt widgets shipping", create) == score("bolt widgets shipping", create))
        #expect(
            try #require(score("draft bolt widgets shipping", list)) < #require(score("bolt widgets shipping", list)))
        #expect(index.search("draft bolt widgets", limit: 1).map(\.name) == [create])
    }

    @Test("the intent comes from the first word after courtesies; a verb that says neither gives none")
    func intentWords() {
        #expect(SearchQuery.intent(of: ["what", "is", "open"]) == .read)
        #expect(SearchQuery.intent(of: ["please", "show", "deals"]) == .read)
        #expect(SearchQuery.intent(of: ["can", "you", "closing", "it"]) == .write)
        #expect(SearchQuery.intent(of: ["open", "a", "ticket"]) == .write)
        #expect(SearchQuery.intent(of: ["run", "a", "query"]) == nil)
        #expect(SearchQuery.intent(of: ["please"]) == nil)
        #expect(SearchQuery.intent(of: []) == nil)
    }

    @Test("a clause about another tool is not searched, even when a filter hides that tool")
    func otherToolClauses() throws {
        var acme = try Fixture.acme()
        try acme.set("/resources/widgets/operations/create", Fixture.operation("POST /widgets"))
        try acme.set(
            "/resources/widgets/operations/list/description",
            "List widgets, newest first. To order more, use acme_widgets_create with a quantity.")
        for filter in [ToolFilter(), ToolFilter(readOnly: true)] {
            let result = try Load.documents([("acme.json", acme)], filter: filter)
            let index = ToolSearchIndex(catalog: result.catalog, cost: { _ in 1 })
            #expect(!index.search("order a quantity", limit: 5).map(\.name).contains("acme_widgets_list"))
        }
    }

    @Test("a query naming a tool's whole resource ranks it above tools that only mention the words")
    func resource() throws {
        var acme = try Fixture.acme()
        var colors = JSONObject()
        colors["list"] = Fixture.operation("GET /widget_colors")
        try acme.set("/resources/widget_colors", .object(["operations": .object(colors)]))
        try acme.set(
            "/resources/widgets/operations/list/description",
            "List widgets, by widget color, color family or color code; widget colors are listed separately.")
        let result = try Load.documents([("acme.json", acme)])
        let index = ToolSearchIndex(catalog: result.catalog, cost: { _ in 1 })
        #expect(index.search("list widget colors", limit: 1).map(\.name) == ["acme_widget_colors_list"])
    }
}
