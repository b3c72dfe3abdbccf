import Catalog
import Foundation
import JSON
import TestSupport
import Testing

@Suite struct CatalogLoaderTests {
    @Test("loads the shipped GitHub integration with no errors and no warnings")
    func loadsGitHub() throws {
        let loader = CatalogLoader(paths: [RepositoryPaths.githubIntegration], environment: ["GITHUB_TOKEN": "t0ken"])
        let result = loader.load()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
        let github = try #require(result.catalog.integrations["github"])
        #expect(github.baseURL == "https://api.github.com")
        #expect(github.auth == .bearer(token: "t0ken"))
        #expect(github.secretValues == ["t0ken"])
        #expect(result.toolNames.count == 21)
        #expect(result.toolNames.allSatisfy { $0.hasPrefix("github_") })
        for name in ["github_issues_list", "github_issues_update", "github_search_issues", "github_reviews_list"] {
            #expect(result.catalog.tool(named: name) != nil, "missing \(name)")
        }
    }

    @Test("GitHub's base URL comes from GITHUB_API_URL when it is set")
    func githubEnterpriseURL() throws {
        let environment = ["GITHUB_TOKEN": "t", "GITHUB_API_URL": "https://ghe.example.test/api/v3/"]
        let result = CatalogLoader(paths: [RepositoryPaths.githubIntegration], environment: environment).load()
        #expect(result.catalog.integrations["github"]?.baseURL == "https://ghe.example.test/api/v3")
    }

    @Test("loads every JSON file of a directory, in file-name order")
    func directory() throws {
        let result = try Load.documents([
            ("b.json", Fixture.acme(named: "bravo")),
            ("a.json", Fixture.acme(named: "alpha")),
        ])
        #expect(result.diagnostics.isEmpty)
        #expect(
            result.toolNames == ["alpha_widgets_list", "alpha_widgets_get", "bravo_widgets_list", "bravo_widgets_get"])
    }

    @Test("loads a single file given by path")
    func singleFile() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.json", Fixture.acme(named: "alpha"))
        let file = try directory.write("b.json", Fixture.acme(named: "bravo"))
        let result = CatalogLoader(paths: [file], environment: [:]).load()
        #expect(result.diagnostics.isEmpty)
        #expect(Set(result.catalog.integrations.keys) == ["bravo"])
    }

    @Test("does not descend into subdirectories and skips files that are not JSON")
    func nonRecursive() throws {
        let directory = try TemporaryDirectory()
        try directory.write("a.json", Fixture.acme(named: "alpha"))
        try directory.write("schema/integration.schema.json", "{\"not\": \"an integration\"}")
        try directory.write("sessions/recorded.json", "[]")
        try directory.write("notes.txt", "not JSON")
        try directory.write(".hidden.json", "{")
        try directory.makeDirectory("looks-like.json")
        let loader = CatalogLoader(paths: [directory.path], environment: [:])
        #expect(loader.files().files == [directory.path + "/a.json"])
        let result = loader.load()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
        #expect(Set(result.catalog.integrations.keys) == ["alpha"])
    }

    @Test("a missing path is an error naming it")
    func missingPath() throws {
        let directory = try TemporaryDirectory()
        let missing = directory.path + "/nowhere"
        let result = CatalogLoader(paths: [missing], environment: [:]).load()
        let error = try #require(result.errors.first)
        #expect(result.diagnostics.count == 1)
        #expect(error.file == missing)
        #expect(error.pointer == .root)
        #expect(error.message.contains("no such file"))
    }

    @Test("invalid JSON is reported with its line and column")
    func invalidJSON() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("broken.json", "{\n  \"name\": \"acme\",\n  oops: 1\n}\n")
        let result = CatalogLoader(paths: [file], environment: [:]).load()
        #expect(result.diagnostics.count == 1)
        let error = try #require(result.errors.first)
        #expect(error.file == file)
        #expect(error.message.contains("invalid JSON at line 3, column 3"), "\(error.message)")
        #expect(result.catalog.integrations.isEmpty)
    }

    @Test("every problem of a file is reported, not only the first")
    func collectsAllErrors() throws {
        let result = try Load.acme { document in
            try document.set("/titel", "Acme")
            try document.set("/resources/widgets/operations/list/kind", "lsit")
            try document.set(
                "/resources/widgets/operations/get/parameters/verbose", ["in": "cookie", "type": "boolean"])
        }
        #expect(result.errors.count == 3, "\(result.diagnostics.map(\.description))")
        let pointers = Set(result.errors.map { $0.pointer.description })
        #expect(
            pointers == [
                "/titel", "/resources/widgets/operations/list/kind",
                "/resources/widgets/operations/get/parameters/verbose/in",
            ])
        #expect(result.catalog.tools.isEmpty)
    }

    @Test("an unknown key is reported at its pointer with the key it resembles")
    func unknownKeySuggestion() throws {
        let result = try Load.acme { document in
            let parameters = document.value(
                at: JSONPointer(tokens: ["resources", "widgets", "operations", "list", "parameters"]))
            try document.remove("/resources/widgets/operations/list/parameters")
            try document.set("/resources/widgets/operations/list/paramters", parameters ?? [:])
        }
        let error = try #require(result.errors.first)
        #expect(result.errors.count == 1)
        #expect(error.pointer.description == "/resources/widgets/operations/list/paramters")
        #expect(error.message.contains("did you mean 'parameters'?"), "\(error.message)")
    }

    @Test("keys starting with $ or x- are accepted wherever unknown keys are refused")
    func extensionKeys() throws {
        let result = try Load.acme { document in
            try document.set("/$schema", "./schema/integration.schema.json")
            try document.set("/x-owner", "platform team")
            try document.set("/resources/widgets/$comment", "a note")
            try document.set("/resources/widgets/operations/list/x-internal", true)
        }
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
    }

    @Test("two files defining the same integration name: the second is refused")
    func duplicateIntegration() throws {
        let result = try Load.documents([("a.json", Fixture.acme()), ("b.json", Fixture.acme())])
        #expect(result.errors.count == 1)
        let error = try #require(result.errors.first)
        #expect(error.file.hasSuffix("/b.json"))
        #expect(error.pointer.description == "/name")
        #expect(error.message.contains("already defined"))
        #expect(result.toolNames == ["acme_widgets_list", "acme_widgets_get"])
    }

    @Test("a tool name used by two files is refused and the second integration left out")
    func duplicateToolAcrossFiles() throws {
        var alpha = try Fixture.acme(named: "alpha")
        try alpha.set("/resources/widgets/operations/get/tool_name", "widget_lookup")
        var bravo = try Fixture.acme(named: "bravo")
        try bravo.set("/resources/widgets/operations/get/tool_name", "widget_lookup")
        let result = try Load.documents([("a.json", alpha), ("b.json", bravo)])
        #expect(result.errors.count == 1)
        let error = try #require(result.errors.first)
        #expect(error.file.hasSuffix("/b.json"))
        #expect(error.pointer.description == "/resources/widgets/operations/get")
        #expect(error.message.contains("'widget_lookup' is already used"))
        #expect(result.toolNames == ["alpha_widgets_list", "widget_lookup"])
    }

    @Test("a tool name used twice inside one file is refused")
    func duplicateToolInOneFile() throws {
        let result = try Load.acme { document in
            try document.set("/resources/widgets/operations/get/tool_name", "acme_widgets_list")
        }
        #expect(result.errors.count == 1)
        #expect(result.errors.first?.message.contains("already used") == true)
        #expect(result.catalog.tools.isEmpty)
    }

    @Test("the description of a diagnostic is FILE:POINTER: severity: message")
    func diagnosticDescription() throws {
        let diagnostic = Diagnostic(
            file: "Integrations/acme.json", pointer: JSONPointer(tokens: ["resources", "a/b", "operations"]),
            severity: .warning, message: "something to fix")
        #expect(
            diagnostic.description == "Integrations/acme.json:/resources/a~1b/operations: warning: something to fix")
        let result = try Load.acme { try $0.set("/titel", "Acme") }
        let error = try #require(result.errors.first)
        #expect(
            error.description.hasSuffix(
                "/acme.json:/titel: error: unknown key 'titel' in the integration (did you mean 'title'?)"))
        let root = Diagnostic(file: "x.json", pointer: .root, severity: .error, message: "m")
        #expect(root.description == "x.json:: error: m")
    }
}
