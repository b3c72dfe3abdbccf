import Catalog
import JSON
import Testing

@Suite struct SchemaTranslationTests {
    private func importBody(_ schema: String, components: String = "{}") throws -> ImportResult {
        let document = ImportHarness.document(
            paths:
                #"{"/things": {"post": {"requestBody": {"required": true, "content": {"application/json": {"schema": "#
                + schema + "}}}, \"responses\": {}}}}",
            components: components)
        return try ImportHarness.run(document)
    }

    private func parameter(_ result: ImportResult, _ name: String) -> JSONValue? {
        ImportHarness.operation(result, "things", "create")?["parameters"]?[name]
    }

    @Test("a self-referencing schema is cut where it recurs instead of being followed forever")
    func selfReference() throws {
        let components = #"""
            {"schemas": {"Node": {"type": "object", "properties": {
                "name": {"type": "string", "description": "Node name."},
                "parent": {"$ref": "#/components/schemas/Node"},
                "children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}}}}}}
            """#
        let result = try importBody(##"{"$ref": "#/components/schemas/Node"}"##, components: components)
        #expect(try ImportHarness.validationErrors(result).isEmpty)
        #expect(parameter(result, "name")?["type"] == "string")
        #expect(parameter(result, "parent")?["type"] == "object")
        #expect(parameter(result, "parent")?["properties"]?["parent"] == ["type": "string"])
        #expect(result.warnings.contains { $0.message.contains("refers to itself") })
    }

    @Test("a reference loop and a dangling reference end with a warning and a plain type")
    func loops() throws {
        let components = #"""
            {"schemas": {"A": {"$ref": "#/components/schemas/B"}, "B": {"$ref": "#/components/schemas/A"}}}
            """#
        let schema = #"""
            {"type": "object", "properties": {"loop": {"$ref": "#/components/schemas/A"},
             "missing": {"$ref": "#/components/schemas/Nowhere"}}}
            """#
        let result = try importBody(schema, components: components)
        #expect(try ImportHarness.validationErrors(result).isEmpty)
        #expect(parameter(result, "loop")?["type"] == "object")
        #expect(parameter(result, "missing")?["type"] == "object")
        #expect(result.warnings.contains { $0.message.contains("loops") })
        #expect(result.warnings.contains { $0.message.contains("names nothing") })
    }

    @Test("remote references are never fetched: a documented plain type and a warning")
    func remoteReferences() throws {
        let schema = #"""
            {"type": "object", "properties": {"a": {"$ref": "https://evil.test/schema.json#/x"},
             "b": {"$ref": "other.json#/components/schemas/B"}}}
            """#
        let result = try importBody(schema)
        #expect(try ImportHarness.validationErrors(result).isEmpty)
        #expect(parameter(result, "a")?["type"] == "object")
        #expect(result.warnings.filter { $0.message.contains("remote reference") }.count == 2)
        #expect(!result.text.contains("$ref"))
    }

    @Test(
        "a union of shapes becomes its first simple type, documented, with a warning; a null or empty variant is ignored"
    )
    func unions() throws {
        let schema = #"""
            {"type": "object", "properties": {
             "created": {"anyOf": [{"type": "object", "properties": {"gte": {"type": "integer"}}}, {"type": "integer"}],
                         "description": "When it was created."},
             "address": {"anyOf": [{"type": "object", "properties": {"city": {"type": "string"}}}, {"type": "string", "enum": [""]}]},
             "note": {"oneOf": [{"type": "string"}, {"type": "null"}]},
             "both": {"allOf": [{"type": "object", "properties": {"a": {"type": "string"}}, "required": ["a"]},
                                {"type": "object", "properties": {"b": {"type": "integer"}}}]}}}
            """#
        let result = try importBody(schema)
        #expect(try ImportHarness.validationErrors(result).isEmpty)
        #expect(parameter(result, "created")?["type"] == "integer")
        #expect(parameter(result, "created")?["description"]?.stringValue?.contains("other shapes") == true)
        #expect(parameter(result, "address")?["type"] == "object")
        #expect(parameter(result, "address")?["properties"]?["city"] == ["type": "string"])
        #expect(parameter(result, "note")?["type"] == "string")
        #expect(parameter(result, "both")?["properties"]?["b"] == ["type": "integer"])
        #expect(parameter(result, "both")?["required"] == ["a"])
        #expect(result.warnings.contains { $0.message.contains("anyOf of object, integer") })
        #expect(!result.text.contains("anyOf") && !result.text.contains("oneOf") && !result.text.contains("allOf"))
    }

    @Test("OpenAPI-only keywords are translated or dropped: nullable, boolean exclusive bounds, 3.1 type lists")
    func keywords() throws {
        let schema = #"""
            {"type": "object", "required": ["count"], "properties": {
             "count": {"type": "integer", "minimum": 0, "exclusiveMinimum": true, "nullable": true, "example": 3,
                       "readOnly": false, "xml": {"name": "c"}},
             "label": {"type": ["string", "null"], "maxLength": 10, "default": null},
             "id": {"type": "string", "readOnly": true}}}
            """#
        let result = try importBody(schema)
        #expect(try ImportHarness.validationErrors(result).isEmpty)
        #expect(
            parameter(result, "count") == ["in": "body", "type": "integer", "exclusiveMinimum": 0, "required": true])
        #expect(parameter(result, "label") == ["in": "body", "type": "string", "maxLength": 10])
        #expect(parameter(result, "id") == nil)
    }

    @Test("a body that is not an object of properties becomes one argument that is the whole body")
    func wholeBody() throws {
        let result = try importBody(#"{"type": "array", "items": {"type": "string"}, "description": "Tags to set."}"#)
        #expect(try ImportHarness.validationErrors(result).isEmpty)
        #expect(parameter(result, "body")?["to"] == "")
        #expect(parameter(result, "body")?["type"] == "array")
        #expect(parameter(result, "body")?["required"] == true)
    }

    @Test("form-encoded bodies set body_encoding form")
    func formBodies() throws {
        let document = ImportHarness.document(
            paths: #"""
                {"/v1/customers": {"post": {"requestBody": {"content": {"application/x-www-form-urlencoded": {"schema":
                 {"type": "object", "properties": {"email": {"type": "string", "description": "Email."}}}}}},
                 "responses": {}}}}
                """#)
        let result = try ImportHarness.run(document)
        #expect(ImportHarness.operation(result, "customers", "create")?["body_encoding"] == "form")
        #expect(try ImportHarness.validationErrors(result).isEmpty)
    }
}
