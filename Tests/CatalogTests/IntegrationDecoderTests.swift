import Catalog
import JSON
import Testing

/// The validation rules of DESIGN.md §4, checked through the loader.
@Suite struct IntegrationDecoderTests {
    @Test(
        "an integration name outside [a-z][a-z0-9_]* is refused",
        arguments: ["Acme", "9acme", "ac-me", "acme.io", "_acme"])
    func badIntegrationName(name: String) throws {
        let result = try Load.acme { try $0.set("/name", .string(name)) }
        let error = try #require(result.errors.first)
        #expect(result.errors.count == 1, "\(result.diagnostics.map(\.description))")
        #expect(error.pointer.description == "/name")
        #expect(error.message.contains("[a-z][a-z0-9_]*"))
    }

    @Test("names with digits and underscores after the first letter are accepted")
    func goodIntegrationName() throws {
        let result = try Load.acme { try $0.set("/name", "acme_v2") }
        #expect(result.diagnostics.isEmpty)
        #expect(result.toolNames.first == "acme_v2_widgets_list")
    }

    @Test("a generated tool name over 64 characters is refused at the operation")
    func toolNameTooLong() throws {
        let longResource = String(repeating: "r", count: 60)
        let result = try Load.acme { document in
            let widgets = document.value(at: JSONPointer(tokens: ["resources", "widgets"])) ?? .null
            try document.set("/resources/\(longResource)", widgets)
            try document.remove("/resources/widgets")
        }
        #expect(result.errors.count == 2)
        let error = try #require(result.errors.first)
        #expect(error.pointer.description == "/resources/\(longResource)/operations/list")
        #expect(error.message.contains("^[A-Za-z0-9_.-]{1,64}$"))
    }

    @Test("an explicit tool_name must match the tool name pattern", arguments: ["has space", "semi;colon", ""])
    func badToolName(name: String) throws {
        let result = try Load.acme { try $0.set("/resources/widgets/operations/get/tool_name", .string(name)) }
        #expect(result.errors.count == 1)
        #expect(result.errors.first?.pointer.description == "/resources/widgets/operations/get/tool_name")
    }

    @Test("kind is required when the operation's key is not a kind")
    func kindRequired() throws {
        let missing = try Load.acme {
            try $0.set("/resources/widgets/operations/archive", Fixture.operation("POST /widgets/archive"))
        }
        let error = try #require(missing.errors.first)
        #expect(missing.errors.count == 1)
        #expect(error.pointer.description == "/resources/widgets/operations/archive/kind")
        #expect(error.message.contains("'kind' is required"))

        let given = try Load.acme {
            try $0.set(
                "/resources/widgets/operations/archive", Fixture.operation("POST /widgets/archive", kind: "action"))
        }
        #expect(given.diagnostics.isEmpty)
        #expect(given.catalog.tool(named: "acme_widgets_archive")?.kind == .action)
    }

    @Test("the kind is inferred from an operation key that is a kind")
    func kindInferred() throws {
        let result = try Load.acme { document in
            for kind in ["search", "create", "update", "delete", "action"] {
                try document.set("/resources/widgets/operations/\(kind)", Fixture.operation("POST /widgets/\(kind)"))
            }
        }
        #expect(result.diagnostics.isEmpty)
        let kinds = result.catalog.tools.map(\.kind)
        #expect(kinds == [.list, .get, .search, .create, .update, .delete, .action])
    }

    @Test(
        "a malformed request line is refused", arguments: ["FETCH /widgets", "GET widgets", "GET", "get /widgets", ""])
    func badRequestLine(request: String) throws {
        let result = try Load.acme { try $0.set("/resources/widgets/operations/list/request", .string(request)) }
        let error = try #require(result.errors.first)
        #expect(result.errors.count == 1, "\(result.diagnostics.map(\.description))")
        #expect(error.pointer.description == "/resources/widgets/operations/list/request")
        #expect(error.message.contains("VERB /path"))
    }

    @Test("a path placeholder without a parameter of that name is refused")
    func placeholderWithoutParameter() throws {
        let result = try Load.acme {
            try $0.set("/resources/widgets/operations/get/request", "GET /shops/{shop}/widgets/{id}")
        }
        let error = try #require(result.errors.first)
        #expect(result.errors.count == 1)
        #expect(error.pointer.description == "/resources/widgets/operations/get/request")
        #expect(error.message.contains("{shop}"))
    }

    @Test("a path parameter without a placeholder is refused")
    func parameterWithoutPlaceholder() throws {
        let result = try Load.acme { try $0.set("/resources/widgets/operations/get/request", "GET /widgets") }
        let error = try #require(result.errors.first)
        #expect(result.errors.count == 1)
        #expect(error.message.contains("path parameter 'id' has no {id} placeholder"))
    }

    @Test("a placeholder naming a query parameter is refused")
    func placeholderNamingQueryParameter() throws {
        let result = try Load.acme { try $0.set("/resources/widgets/operations/list/request", "GET /widgets/{color}") }
        #expect(result.errors.count == 1)
        #expect(result.errors.first?.message.contains("not 'path'") == true)
    }

    @Test("a path parameter cannot be optional")
    func pathParameterOptional() throws {
        let result = try Load.acme { try $0.set("/resources/widgets/operations/get/parameters/id/required", false) }
        #expect(result.errors.count == 1)
        #expect(result.errors.first?.pointer.description == "/resources/widgets/operations/get/parameters/id/required")
    }

    @Test(
        "$ref, oneOf and their kin are refused in parameters, nested ones too",
        arguments: ["$ref", "oneOf", "anyOf", "allOf", "not", "$defs"])
    func refusedKeywords(keyword: String) throws {
        let topLevel = try Load.acme {
            try $0.set("/resources/widgets/operations/list/parameters/color/\(keyword)", [["type": "string"]])
        }
        #expect(topLevel.errors.count == 1, "\(topLevel.diagnostics.map(\.description))")
        #expect(
            topLevel.errors.first?.pointer.description
                == "/resources/widgets/operations/list/parameters/color/\(keyword)")
        #expect(topLevel.errors.first?.message.contains("not supported") == true)

        var items = JSONObject()
        items[keyword] = "#/x"
        let nested = try Load.acme { [items] document in
            try document.set(
                "/resources/widgets/operations/list/parameters/sizes",
                ["in": "query", "type": "array", "description": "Sizes.", "items": .object(items)])
        }
        #expect(nested.errors.count == 1, "\(nested.diagnostics.map(\.description))")
        #expect(
            nested.errors.first?.pointer.description
                == "/resources/widgets/operations/list/parameters/sizes/items/\(keyword)")
    }

    @Test("limit, next_cursor and fields are reserved for list tools", arguments: ["limit", "next_cursor", "fields"])
    func reservedListArguments(name: String) throws {
        let parameter: JSONValue = ["in": "query", "type": "string", "description": "Clashes with the engine."]
        let list = try Load.acme { try $0.set("/resources/widgets/operations/list/parameters/\(name)", parameter) }
        #expect(list.errors.count == 1)
        #expect(list.errors.first?.pointer.description == "/resources/widgets/operations/list/parameters/\(name)")
        #expect(list.errors.first?.message.contains("reserved") == true)

        let get = try Load.acme { try $0.set("/resources/widgets/operations/get/parameters/\(name)", parameter) }
        #expect(get.diagnostics.isEmpty, "a get tool may use the name")
    }

    @Test("a parameter 'in' outside path, query, header, body is refused")
    func badLocation() throws {
        let result = try Load.acme { try $0.set("/resources/widgets/operations/list/parameters/color/in", "cookie") }
        #expect(result.errors.count == 1)
        #expect(result.errors.first?.pointer.description == "/resources/widgets/operations/list/parameters/color/in")
    }

    @Test("'name' is for query and header parameters, 'to' for body parameters")
    func wireKeysPerLocation() throws {
        let result = try Load.acme { document in
            try document.set("/resources/widgets/operations/get/parameters/id/name", "widget_id")
            try document.set("/resources/widgets/operations/list/parameters/color/to", "/color")
        }
        let pointers = Set(result.errors.map(\.pointer.description))
        #expect(
            pointers == [
                "/resources/widgets/operations/get/parameters/id/name",
                "/resources/widgets/operations/list/parameters/color/to",
            ])
    }

    @Test("an unknown key in a parameter is refused with the keyword it resembles")
    func unknownParameterKey() throws {
        let result = try Load.acme {
            try $0.set("/resources/widgets/operations/list/parameters/color/descripton", "typo")
        }
        let error = try #require(result.errors.first)
        #expect(error.pointer.description == "/resources/widgets/operations/list/parameters/color/descripton")
        #expect(error.message.contains("did you mean 'description'?"), "\(error.message)")
    }

    @Test("a default that does not fit the parameter's schema is refused")
    func badDefault() throws {
        let result = try Load.acme {
            try $0.set("/resources/widgets/operations/list/parameters/color/default", "green")
        }
        #expect(result.errors.count == 1)
        #expect(
            result.errors.first?.pointer.description == "/resources/widgets/operations/list/parameters/color/default")
    }

    @Test("a description under 40 characters is a warning, not an error")
    func shortDescription() throws {
        let result = try Load.acme { try $0.set("/resources/widgets/operations/get/description", "Get a widget.") }
        #expect(result.errors.isEmpty)
        let warning = try #require(result.warnings.first)
        #expect(result.warnings.count == 1)
        #expect(warning.pointer.description == "/resources/widgets/operations/get/description")
        #expect(warning.message.contains("under 40 characters"))
        #expect(result.catalog.tool(named: "acme_widgets_get") != nil, "a warning does not leave the tool out")
    }

    @Test("a missing description is an error")
    func missingDescription() throws {
        let result = try Load.acme { try $0.remove("/resources/widgets/operations/get/description") }
        #expect(result.errors.count == 1)
        #expect(result.errors.first?.pointer.description == "/resources/widgets/operations/get/description")
    }

    @Test("a parameter without a description is a warning")
    func parameterWithoutDescription() throws {
        let result = try Load.acme { try $0.remove("/resources/widgets/operations/list/parameters/color/description") }
        #expect(result.errors.isEmpty)
        let warning = try #require(result.warnings.first)
        #expect(result.warnings.count == 1)
        #expect(warning.pointer.description == "/resources/widgets/operations/list/parameters/color")
        #expect(warning.message.contains("no description"))
        #expect(result.catalog.tools.count == 2)
    }

    @Test("an integration without resources is refused; empty resources only warn")
    func resourcesRequired() throws {
        let missing = try Load.acme { try $0.remove("/resources") }
        #expect(missing.errors.map(\.pointer.description) == ["/resources"])
        let empty = try Load.acme { try $0.set("/resources", [:]) }
        #expect(empty.errors.isEmpty)
        #expect(empty.warnings.count == 1)
    }

    @Test("values of the wrong type are reported with their pointer")
    func wrongTypes() throws {
        let result = try Load.acme { document in
            try document.set("/timeout_ms", "30s")
            try document.set("/headers", ["X-Count": ["not", "a", "string"]])
            try document.set("/resources/widgets/tags", "inventory")
        }
        let pointers = Set(result.errors.map(\.pointer.description))
        #expect(pointers == ["/timeout_ms", "/headers/X-Count", "/resources/widgets/tags"])
    }
}
