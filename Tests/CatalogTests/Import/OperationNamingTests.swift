import Catalog
import JSON
import Testing

@Suite struct OperationNamingTests {
    @Test("kinds and names come from the method and the path's shape")
    func kindsAndNames() throws {
        let document = ImportHarness.document(
            paths: #"""
                {"/v1/refunds": {"get": {"responses": {"200": {"content": {"application/json": {"schema":
                    {"type": "object", "properties": {"data": {"type": "array", "items": {"type": "object"}}}}}}}}},
                  "post": {"responses": {}}},
                 "/v1/refunds/{refund}": {"get": {"responses": {}}, "post": {"responses": {}}, "delete": {"responses": {}}},
                 "/v1/refunds/{refund}/cancel": {"post": {"responses": {}}},
                 "/v1/refunds/search": {"get": {"responses": {}}},
                 "/v1/reports/search": {"post": {"responses": {}}},
                 "/v1/account": {"get": {"responses": {"200": {"content": {"application/json": {"schema": {"type": "object"}}}}}}},
                 "/v1/issues/{number}/lock": {"put": {"responses": {}}, "delete": {"responses": {}}}}
                """#)
        let result = try ImportHarness.run(document)
        #expect(try ImportHarness.validationErrors(result).isEmpty)
        let kinds = Dictionary(
            uniqueKeysWithValues: ImportHarness.names(result).map { name -> (String, String) in
                let parts = name.split(separator: "_", maxSplits: 1).map(String.init)
                let kind = ImportHarness.operation(result, parts[0], parts[1])?["kind"]?.stringValue ?? "?"
                return (name, kind)
            })
        #expect(
            kinds == [
                "refunds_list": "list", "refunds_create": "create", "refunds_get": "get", "refunds_update": "update",
                "refunds_delete": "delete", "refunds_cancel": "action", "refunds_search": "list",
                "reports_search": "search", "account_get": "get", "issues_lock": "update",
                "issues_delete_lock": "delete",
            ])
    }

    @Test("two resources of one name are told apart by their parents, and every tool name is unique")
    func deduplication() throws {
        let document = ImportHarness.document(
            paths: #"""
                {"/gists/{gist_id}/comments": {"get": {"responses": {}}},
                 "/issues/{number}/comments": {"get": {"responses": {}}, "post": {"responses": {}}},
                 "/pulls/{number}/comments": {"get": {"responses": {}}},
                 "/a/things": {"get": {"responses": {}}},
                 "/b/things": {"get": {"responses": {}}},
                 "/things": {"get": {"responses": {}}}}
                """#)
        let result = try ImportHarness.run(document)
        #expect(try ImportHarness.validationErrors(result).isEmpty)
        let names = ImportHarness.names(result)
        #expect(Set(names).count == names.count)
        #expect(names.contains("gist_comments_list"))
        #expect(names.contains("issue_comments_list") && names.contains("issue_comments_create"))
        #expect(names.contains("pull_comments_list"))
        #expect(names.contains("a_things_list") && names.contains("b_things_list") && names.contains("things_list"))
    }

    @Test("tool names fit 64 characters and the rule, however long or odd the path")
    func longNames() throws {
        let word = String(repeating: "verylongresourcename", count: 5)
        let document = ImportHarness.document(
            paths: """
                {"/\(word)/{id}": {"get": {"responses": {}}}, "/\(word)x/{id}": {"get": {"responses": {}}},
                 "/ünïcode/@me/{id}": {"get": {"responses": {}}}, "/": {"get": {"responses": {}}}}
                """)
        let result = try ImportHarness.run(document, ImportOptions(name: "an_integration_name"))
        #expect(try ImportHarness.validationErrors(result).isEmpty)
        let names = ImportHarness.names(result)
        #expect(names.count == 4 && Set(names).count == 4)
        for name in names {
            let tool = "an_integration_name_" + name
            #expect(tool.count <= 64, "\(tool)")
            #expect(tool.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }, "\(tool)")
        }
    }

    @Test(
        "argument names the format refuses are rewritten, path placeholders with them; reserved list arguments are prefixed"
    )
    func argumentNames() throws {
        let document = ImportHarness.document(
            paths: #"""
                {"/items/{1st item}/parts": {"get": {"parameters": [
                    {"name": "1st item", "in": "path", "required": true, "schema": {"type": "string"}},
                    {"name": "page[size]", "in": "query", "schema": {"type": "integer"}, "description": "Page size."},
                    {"name": "fields", "in": "query", "schema": {"type": "string"}, "description": "Fields to return."},
                    {"name": "session", "in": "cookie", "schema": {"type": "string"}},
                    {"name": "Authorization", "in": "header", "schema": {"type": "string"}}],
                  "responses": {"200": {"content": {"application/json": {"schema": {"type": "array", "items": {}}}}}}}}}
                """#)
        let result = try ImportHarness.run(document)
        #expect(try ImportHarness.validationErrors(result).isEmpty)
        let list = try #require(ImportHarness.operation(result, "parts", "list"))
        #expect(list["request"] == "GET /items/{_1st_item}/parts")
        #expect(list["parameters"]?["_1st_item"]?["in"] == "path")
        #expect(list["parameters"]?["query_fields"]?["name"] == "fields")
        #expect(list["parameters"]?["session"] == nil)
        #expect(list["parameters"]?["Authorization"] == nil)
        #expect(result.warnings.contains { $0.message.contains("cookie parameter 'session'") })
    }

    @Test("two placeholders in one segment, declared or not, both become path arguments")
    func sharedSegment() throws {
        let document = ImportHarness.document(
            paths: #"""
                {"/compare/{base}...{head}": {"get": {"parameters": [
                    {"name": "base", "in": "path", "required": true, "schema": {"type": "string"}}],
                  "responses": {}}}}
                """#)
        let result = try ImportHarness.run(document)
        #expect(try ImportHarness.validationErrors(result).isEmpty)
        let parameters = ImportHarness.operation(result, "compare", "get")?["parameters"]
        #expect(parameters?["base"]?["in"] == "path" && parameters?["head"]?["in"] == "path")
    }

    @Test("--include and --exclude match METHOD /path or the operationId")
    func selection() throws {
        let document = ImportHarness.document(
            paths: #"""
                {"/users": {"get": {"operationId": "users/list", "responses": {}}, "post": {"responses": {}}},
                 "/orders": {"get": {"operationId": "orders/list", "responses": {}}, "delete": {"responses": {}}}}
                """#)
        let onlyGets = try ImportHarness.run(document, ImportOptions(name: "x", include: "^GET "))
        #expect(ImportHarness.names(onlyGets) == ["orders_list", "users_list"])
        let byID = try ImportHarness.run(document, ImportOptions(name: "x", include: "users/", exclude: "POST"))
        #expect(ImportHarness.names(byID) == ["users_list"])
    }

    @Test("the same document always gives the same bytes")
    func deterministic() throws {
        let document = ImportHarness.document(
            paths: #"""
                {"/b/{id}/x": {"get": {"responses": {}}}, "/a/{id}/x": {"get": {"responses": {}}},
                 "/c": {"post": {"responses": {}}, "get": {"responses": {}}}}
                """#)
        let first = try ImportHarness.run(document)
        for _ in 0..<5 { #expect(try ImportHarness.run(document).text == first.text) }
    }
}
