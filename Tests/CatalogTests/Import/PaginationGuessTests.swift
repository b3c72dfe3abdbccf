import Catalog
import JSON
import Testing

@Suite struct PaginationGuessTests {
    private static func listing(parameters: String, response: String, headers: String = "{}") -> String {
        ImportHarness.document(
            paths: """
                {"/things": {"get": {"parameters": \(parameters), "responses": {"200": {"headers": \(headers),
                 "content": {"application/json": {"schema": \(response)}}}}}}}
                """)
    }

    private static func query(_ names: String...) -> String {
        "["
            + names.map {
                #"{"name": "\#($0)", "in": "query", "description": "Paging.", "schema": {"type": "integer", "maximum": 200}}"#
            }
            .joined(separator: ", ") + "]"
    }

    private static let items =
        #"{"type": "array", "items": {"type": "object", "properties": {"id": {"type": "string"}}}}"#

    private func pagination(_ document: String) throws -> (JSONValue?, ImportResult) {
        let result = try ImportHarness.run(document)
        #expect(try ImportHarness.validationErrors(result).isEmpty)
        let list = ImportHarness.operation(result, "things", "list")
        #expect(list?["parameters"]?["limit"] == nil)
        return (list?["pagination"], result)
    }

    @Test("offset and limit are offset paging, with the total when the body has one")
    func offset() throws {
        let response = #"{"type": "object", "properties": {"data": \#(Self.items), "total": {"type": "integer"}}}"#
        let (pagination, _) = try pagination(
            Self.listing(parameters: Self.query("offset", "limit"), response: response))
        #expect(
            pagination == [
                "style": "offset", "records": "/data", "page_size": ["param": "limit", "max": 200],
                "offset": ["param": "offset"], "total": "/total",
            ])
    }

    @Test("page and per_page are page paging")
    func page() throws {
        let (pagination, _) = try pagination(
            Self.listing(parameters: Self.query("page", "per_page"), response: Self.items))
        #expect(
            pagination == [
                "style": "page", "records": "", "page_size": ["param": "per_page", "max": 200],
                "page": ["param": "page", "first": 1],
            ])
    }

    @Test("a Link response header is link_header paging")
    func linkHeader() throws {
        let document = Self.listing(
            parameters: Self.query("per_page", "page"), response: Self.items,
            headers: #"{"Link": {"schema": {"type": "string"}}}"#)
        let (pagination, _) = try pagination(document)
        #expect(pagination == ["style": "link_header", "records": "", "page_size": ["param": "per_page", "max": 200]])
    }

    @Test("a cursor parameter takes its value from the matching response field, or from the last item's id")
    func cursor() throws {
        let cursorQuery =
            #"[{"name": "cursor", "in": "query", "schema": {"type": "string"}}, {"name": "limit", "in": "query", "schema": {"type": "integer"}}]"#
        let response = #"""
            {"type": "object", "properties": {"results": \#(Self.items),
             "meta": {"type": "object", "properties": {"next_cursor": {"type": "string"}}}}}
            """#
        let (fromField, _) = try pagination(Self.listing(parameters: cursorQuery, response: response))
        #expect(fromField?["style"] == "cursor")
        #expect(fromField?["cursor"] == ["param": "cursor", "in": "query", "from": "/meta/next_cursor"])
        #expect(fromField?["records"] == "/results")
        let stripeLike =
            #"[{"name": "starting_after", "in": "query", "schema": {"type": "string"}}, {"name": "limit", "in": "query", "schema": {"type": "integer"}}]"#
        let stripeResponse =
            #"{"type": "object", "properties": {"data": \#(Self.items), "has_more": {"type": "boolean"}}}"#
        let (lastItem, _) = try pagination(Self.listing(parameters: stripeLike, response: stripeResponse))
        #expect(lastItem?["cursor"] == ["param": "starting_after", "in": "query", "from_last_item": "/id"])
        #expect(lastItem?["has_more"] == "/has_more")
    }

    @Test("a next-page URL in the body is next_url paging")
    func nextURL() throws {
        let response = #"""
            {"type": "object", "properties": {"flows": \#(Self.items),
             "meta": {"type": "object", "properties": {"next_page_url": {"type": "string", "format": "uri"}}}}}
            """#
        let (pagination, _) = try pagination(Self.listing(parameters: Self.query("PageSize"), response: response))
        #expect(pagination?["style"] == "next_url")
        #expect(pagination?["next"] == "/meta/next_page_url")
    }

    @Test("unrecognised paging stays style none with an x-todo and a warning, and a vendor 'limit' is renamed")
    func todo() throws {
        let (pagination, result) = try pagination(Self.listing(parameters: Self.query("limit"), response: Self.items))
        #expect(pagination == ["style": "none", "records": ""])
        let list = ImportHarness.operation(result, "things", "list")
        #expect(list?["x-todo"]?.stringValue?.hasPrefix("TODO:") == true)
        #expect(list?["parameters"]?["query_limit"]?["name"] == "limit")
        #expect(result.warnings.contains { $0.message.contains("pagination was not recognised") })
    }
}
