import Catalog
import JSON
import Testing

@Suite struct ToolBuilderTests {
    /// The fixture plus a `create` operation using every wire-only key.
    static func loadWithCreate() throws -> CatalogLoadResult {
        try Load.acme { document in
            try document.set(
                "/resources/widgets/operations/create",
                [
                    "request": "POST /widgets",
                    "description": "Create a widget. Use only when the user asked for a new widget.",
                    "parameters": [
                        "name": [
                            "in": "body", "type": "string", "required": true, "to": "/widget/name",
                            "description": "The widget's name.",
                        ],
                        "tags": [
                            "in": "query", "name": "tag", "type": "array", "items": ["type": "string"],
                            "explode": false,
                            "description": "Tags to attach.",
                        ],
                        "trace": ["in": "header", "name": "X-Trace", "type": "string", "description": "A trace id."],
                        "shape": [
                            "in": "body", "type": "object", "properties": ["sides": ["type": "integer", "minimum": 3]],
                            "required": ["sides"], "additionalProperties": false, "x-vendor": "ignored",
                            "description": "The widget's shape.",
                        ],
                    ],
                ])
        }
    }

    @Test("the input schema holds the parameters' schemas without in, name, to, explode or required")
    func inputSchema() throws {
        let result = try Self.loadWithCreate()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
        let tool = try #require(result.catalog.tool(named: "acme_widgets_create"))
        let expected: JSONValue = [
            "type": "object",
            "properties": [
                "name": ["type": "string", "description": "The widget's name."],
                "tags": ["type": "array", "items": ["type": "string"], "description": "Tags to attach."],
                "trace": ["type": "string", "description": "A trace id."],
                "shape": [
                    "type": "object", "properties": ["sides": ["type": "integer", "minimum": 3]], "required": ["sides"],
                    "additionalProperties": false, "description": "The widget's shape.",
                ],
            ],
            "required": ["name"],
            "additionalProperties": false,
        ]
        #expect(tool.inputSchema == expected)
        #expect(tool.inputSchema.encoded() == expected.encoded(), "members keep the file's order")
        let parameters = tool.operation.parameters
        #expect(parameters.map(\.name) == ["name", "tags", "trace", "shape"])
        #expect(parameters.map(\.wireName) == ["name", "tag", "X-Trace", "shape"])
        #expect(parameters[0].bodyPointer == JSONPointer(tokens: ["widget", "name"]))
        #expect(parameters[3].bodyPointer == JSONPointer(tokens: ["shape"]))
        #expect(parameters.map(\.required) == [true, false, false, false])
        #expect(parameters.map(\.explode) == [true, false, true, true])
        #expect(tool.outputSchema == nil)
    }

    @Test("path parameters are required; a tool without required arguments has no required list")
    func requiredList() throws {
        let result = try Load.acme { _ in }
        let get = try #require(result.catalog.tool(named: "acme_widgets_get"))
        #expect(get.inputSchema["required"] == ["id"])
        let list = try #require(result.catalog.tool(named: "acme_widgets_list"))
        #expect(list.inputSchema["required"] == nil)
        #expect(list.inputSchema["additionalProperties"] == false)
    }

    @Test("list tools get limit, next_cursor and fields after their own parameters")
    func listArguments() throws {
        let result = try Load.acme { _ in }
        let list = try #require(result.catalog.tool(named: "acme_widgets_list"))
        let properties = try #require(list.inputSchema["properties"]?.objectValue)
        #expect(properties.keys == ["color", "limit", "next_cursor", "fields"])
        #expect(
            properties["limit"]
                == [
                    "type": "integer", "minimum": 1, "maximum": 500, "default": 25,
                    "description": "Most items to return.",
                ])
        #expect(properties["next_cursor"]?["type"] == "string")
        #expect(properties["fields"]?["type"] == "array")
        #expect(properties["fields"]?["items"] == ["type": "string"])
        let get = try #require(result.catalog.tool(named: "acme_widgets_get"))
        #expect(get.inputSchema["properties"]?.objectValue?.keys == ["id"])
    }

    @Test("limit follows the pagination's max_limit and default_limit")
    func limitBounds() throws {
        let result = try Load.acme { document in
            try document.set(
                "/resources/widgets/operations/list/pagination", ["style": "none", "max_limit": 50, "default_limit": 5])
        }
        let list = try #require(result.catalog.tool(named: "acme_widgets_list"))
        #expect(list.inputSchema["properties"]?["limit"]?["maximum"] == 50)
        #expect(list.inputSchema["properties"]?["limit"]?["default"] == 5)
        let tooBig = try Load.acme { document in
            try document.set("/pagination", ["style": "none", "max_limit": 10, "default_limit": 20])
        }
        #expect(tooBig.errors.map(\.pointer.description) == ["/pagination/default_limit"])
    }

    @Test("list descriptions end with the cursor sentence; others are left as written")
    func descriptions() throws {
        let result = try Load.acme { document in
            try document.set(
                "/resources/widgets/operations/list/description", "List widgets, newest first, with their colors")
        }
        let list = try #require(result.catalog.tool(named: "acme_widgets_list"))
        #expect(list.description == "List widgets, newest first, with their colors. " + ToolBuilder.cursorSentence)
        #expect(ToolBuilder.cursorSentence.contains("next_cursor"))
        let get = try #require(result.catalog.tool(named: "acme_widgets_get"))
        #expect(get.description == "Get one widget by id with its full details. Use acme_widgets_list to find ids.")
        #expect(get.operation.description == get.description)
    }

    @Test("only list tools declare the output schema of a page")
    func outputSchema() throws {
        let result = try Self.loadWithCreate()
        #expect(result.catalog.tool(named: "acme_widgets_list")?.outputSchema == ToolBuilder.listOutputSchema)
        #expect(result.catalog.tool(named: "acme_widgets_get")?.outputSchema == nil)
        #expect(result.catalog.tool(named: "acme_widgets_create")?.outputSchema == nil)
        let properties = ToolBuilder.listOutputSchema["properties"]?.objectValue?.keys
        #expect(properties == ["items", "has_more", "next_cursor", "total", "truncated"])
    }

    @Test("the compiled validators enforce the generated schema")
    func validators() throws {
        let result = try Self.loadWithCreate()
        let create = try #require(result.catalog.tool(named: "acme_widgets_create"))
        #expect(create.validator.validate(["name": "Sprocket", "shape": ["sides": 4]]).isEmpty)
        #expect(create.validator.validate(["shape": ["sides": 4]]).count == 1, "name is required")
        #expect(create.validator.validate(["name": "Sprocket", "colour": "red"]).count == 1, "no unknown arguments")
        #expect(create.validator.validate(["name": "Sprocket", "shape": ["sides": 2]]).count == 1)
        #expect(create.cursorValidator == nil)

        let list = try #require(result.catalog.tool(named: "acme_widgets_list"))
        #expect(list.validator.validate(["color": "red", "limit": 10, "fields": ["id"]]).isEmpty)
        #expect(!list.validator.validate(["limit": 0]).isEmpty)
        #expect(!list.validator.validate(["limit": 501]).isEmpty)
        #expect(!list.validator.validate(["color": "green"]).isEmpty)

        let get = try #require(result.catalog.tool(named: "acme_widgets_get"))
        #expect(!get.validator.validate([:]).isEmpty)
    }

    @Test("a list tool's cursor validator does not require the original arguments")
    func cursorValidator() throws {
        let result = try Load.acme { document in
            try document.set("/resources/widgets/operations/list/request", "GET /shops/{shop}/widgets")
            try document.set(
                "/resources/widgets/operations/list/parameters/shop",
                ["in": "path", "type": "string", "description": "The shop."])
        }
        let list = try #require(result.catalog.tool(named: "acme_widgets_list"))
        #expect(!list.validator.validate(["next_cursor": "abc"]).isEmpty)
        let relaxed = try #require(list.cursorValidator)
        #expect(relaxed.validate(["next_cursor": "abc"]).isEmpty)
        #expect(!relaxed.validate(["next_cursor": "abc", "unknown": 1]).isEmpty)
    }

    /// One row of the annotation table of DESIGN.md §4.
    struct AnnotationCase: Sendable, CustomTestStringConvertible {
        var kind: OperationKind
        var method: String
        var readOnly: Bool
        var destructive: Bool
        var idempotent: Bool
        var testDescription: String { "\(kind.rawValue) \(method)" }
    }

    @Test(
        "annotations follow the kind, update being idempotent only through PUT",
        arguments: [
            AnnotationCase(kind: .list, method: "GET", readOnly: true, destructive: false, idempotent: true),
            AnnotationCase(kind: .get, method: "GET", readOnly: true, destructive: false, idempotent: true),
            AnnotationCase(kind: .search, method: "POST", readOnly: true, destructive: false, idempotent: true),
            AnnotationCase(kind: .create, method: "POST", readOnly: false, destructive: false, idempotent: false),
            AnnotationCase(kind: .update, method: "PUT", readOnly: false, destructive: true, idempotent: true),
            AnnotationCase(kind: .update, method: "PATCH", readOnly: false, destructive: true, idempotent: false),
            AnnotationCase(kind: .update, method: "POST", readOnly: false, destructive: true, idempotent: false),
            AnnotationCase(kind: .delete, method: "DELETE", readOnly: false, destructive: true, idempotent: true),
            AnnotationCase(kind: .action, method: "POST", readOnly: false, destructive: true, idempotent: false),
        ])
    func annotations(row: AnnotationCase) throws {
        let operation = APIOperation(
            key: row.kind.rawValue, resource: "widgets", kind: row.kind, method: row.method, path: "/widgets",
            description: "An operation of the annotation table.", toolName: "acme_widgets_\(row.kind.rawValue)")
        let expected: JSONValue = [
            "readOnlyHint": .bool(row.readOnly), "destructiveHint": .bool(row.destructive),
            "idempotentHint": .bool(row.idempotent), "openWorldHint": true,
        ]
        #expect(ToolBuilder.annotations(for: operation) == expected)
        let tool = try ToolBuilder.tool(for: operation, in: Integration(name: "acme", baseURL: "https://api.acme.test"))
        #expect(tool.annotations == expected)
        #expect((tool.outputSchema != nil) == (row.kind == .list))
    }

    @Test("an operation's annotations override the kind's hints one by one")
    func annotationOverrides() throws {
        var overrides = JSONObject()
        overrides["destructiveHint"] = false
        overrides["title"] = "Archive a widget"
        let operation = APIOperation(
            key: "archive", resource: "widgets", kind: .action, method: "POST", path: "/widgets/{id}/archive",
            description: "Archive a widget; it can be restored later.", annotationOverrides: overrides,
            toolName: "acme_widgets_archive")
        let annotations = ToolBuilder.annotations(for: operation)
        #expect(annotations["destructiveHint"] == false)
        #expect(annotations["readOnlyHint"] == false)
        #expect(annotations["idempotentHint"] == false)
        #expect(annotations["openWorldHint"] == true)
        #expect(annotations["title"] == "Archive a widget")
    }

    @Test("a tool carries its integration, kind, tags and title")
    func toolIdentity() throws {
        let result = try Load.acme { document in
            try document.set("/tags", ["acme"])
            try document.set("/resources/widgets/operations/get/tags", ["read", "inventory"])
            try document.set("/resources/widgets/operations/get/title", "Get a widget")
        }
        let get = try #require(result.catalog.tool(named: "acme_widgets_get"))
        #expect(get.integration == "acme")
        #expect(get.kind == .get)
        #expect(get.tags == ["acme", "inventory", "read"])
        #expect(get.title == "Get a widget")
        #expect(result.catalog.tool(named: "acme_widgets_list")?.tags == ["acme", "inventory"])
        #expect(result.catalog.tool(named: "acme_widgets_list")?.title == nil)
    }
}
