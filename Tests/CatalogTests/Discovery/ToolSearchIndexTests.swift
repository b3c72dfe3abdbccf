import JSON
import Testing

@testable import Catalog

@Suite struct ToolSearchIndexTests {
    /// `acme` widgets (list, get; tag inventory) with a resource description naming "gadgets",
    /// and `bolt` orders (list, create; tag orders) with a `shipping_address` parameter.
    static func index(filter: ToolFilter = ToolFilter()) throws -> ToolSearchIndex {
        var acme = try Fixture.acme()
        try acme.set("/resources/widgets/description", "Widgets, also called gadgets in the vendor's shop.")
        var bolt = try Fixture.acme(named: "bolt")
        try bolt.set("/resources/widgets/tags", ["orders"])
        try bolt.remove("/resources/widgets/operations/get")
        var create = Fixture.operation("POST /widgets")
        try create.set(
            "/parameters/shipping_address",
            ["in": "body", "type": "string", "description": "Where the parcel is delivered."])
        try bolt.set("/resources/widgets/operations/create", create)
        let result = try Load.documents([("acme.json", acme), ("bolt.json", bolt)], filter: filter)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
        return ToolSearchIndex(catalog: result.catalog, cost: { $0.name.count })
    }

    @Test("the integration and operation words rank the matching tool first")
    func nameWords() throws {
        let hits = try Self.index().search("get an acme widget", limit: 5)
        #expect(hits.first?.name == "acme_widgets_get")
        #expect(hits.first?.integration == "acme")
        #expect(hits.first?.kind == .get)
    }

    @Test("a resource description's vendor words are synonyms of its tools")
    func resourceSynonyms() throws {
        let hits = try Self.index().search("gadgets", limit: 5)
        #expect(Set(hits.map(\.name)) == ["acme_widgets_list", "acme_widgets_get"])
    }

    @Test("parameter names and descriptions are searched, stemmed")
    func parameters() throws {
        #expect(try Self.index().search("parcels delivered", limit: 1).map(\.name) == ["bolt_widgets_create"])
        #expect(try Self.index().search("shipping", limit: 1).map(\.name) == ["bolt_widgets_create"])
    }

    @Test("kind verbs reach the tools of that kind")
    func kindVerbs() throws {
        #expect(try Self.index().search("add a new bolt widget", limit: 1).map(\.name) == ["bolt_widgets_create"])
    }

    @Test("equal scores are ordered by name, and the same query always gives the same order")
    func ties() throws {
        let index = try Self.index()
        let hits = index.search("widgets", limit: 10)
        for (first, second) in zip(hits, hits.dropFirst()) where first.score == second.score {
            #expect(first.name < second.name)
        }
        #expect(hits.count == 4)
        for _ in 0..<20 { #expect(index.search("widgets", limit: 10) == hits) }
    }

    @Test("tags restrict the results to tools carrying one of them")
    func tags() throws {
        let hits = try Self.index().search("widgets", limit: 10, tags: ["orders"])
        #expect(hits.map(\.name).sorted() == ["bolt_widgets_create", "bolt_widgets_list"])
        #expect(try Self.index().search("widgets", limit: 10, tags: ["nothing"]).isEmpty)
    }

    @Test("a filtered-out tool is never found")
    func filtered() throws {
        let index = try Self.index(filter: ToolFilter(readOnly: true))
        #expect(!index.search("create add new shipping", limit: 20).map(\.name).contains("bolt_widgets_create"))
    }

    @Test("limit bounds the results, a query without known words finds nothing")
    func limits() throws {
        let index = try Self.index()
        #expect(index.search("widgets", limit: 2).count == 2)
        #expect(index.search("zzzz qqqq", limit: 5).isEmpty)
        #expect(index.search("", limit: 5).isEmpty)
        #expect(index.search("the of and", limit: 5).isEmpty)
    }

    @Test("a hit carries the description's first sentence and the definition cost")
    func hitFields() throws {
        let hit = try #require(try Self.index().search("acme widgets list", limit: 1).first)
        #expect(hit.name == "acme_widgets_list")
        #expect(hit.summary == "List widgets, newest first.")
        #expect(hit.tokens == "acme_widgets_list".count)
    }

    @Test("closest names: near spellings first, then the search's best")
    func closest() throws {
        let index = try Self.index()
        #expect(index.closestNames(to: "acme_widget_get").first == "acme_widgets_get")
        #expect(index.closestNames(to: "shipping_thing", limit: 1) == ["bolt_widgets_create"])
        #expect(index.closestNames(to: "").count <= 3)
    }

    @Test("a hostile query (huge, control characters, odd scripts) is answered")
    func hostile() throws {
        let index = try Self.index()
        let huge = String(repeating: "widgets \u{0}\u{7}ÿ 🚀 ", count: 5000)
        #expect(index.search(huge, limit: 20).count == 4)
        #expect(index.closestNames(to: String(repeating: "x", count: 10000)).count <= 3)
    }
}
