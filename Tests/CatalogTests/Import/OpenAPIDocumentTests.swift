import Catalog
import Testing

@Suite struct OpenAPIDocumentTests {
    @Test("a document that is not OpenAPI 3 JSON is a usage error (exit 2) with a clear reason")
    func unreadable() throws {
        let cases: [(String, String)] = [
            ("{not json", "not JSON"),
            ("openapi: 3.0.0\ninfo:\n  title: x\npaths: {}\n", "YAML"),
            (#"{"swagger": "2.0", "info": {}, "paths": {"/a": {}}}"#, "Swagger 2.0"),
            (#"[1, 2]"#, "not an object"),
            (#"{"info": {}, "paths": {}}"#, "no \"openapi\""),
            (#"{"openapi": "2.5", "paths": {}}"#, "not supported"),
        ]
        for (text, reason) in cases {
            let error = try #require(ImportHarness.failure(text), "\(text)")
            #expect(error.exitStatus == 2, "\(text)")
            #expect(error.message.contains(reason), "\(error.message)")
        }
    }

    @Test("YAML and Swagger errors say how to convert the document")
    func conversionAdvice() throws {
        let yaml = try #require(ImportHarness.failure("openapi: 3.1.0\npaths: {}\n"))
        #expect(yaml.message.contains("yq -o=json"))
        let swagger = try #require(ImportHarness.failure(#"{"swagger": "2.0", "paths": {}}"#))
        #expect(swagger.message.contains("swagger2openapi"))
    }

    @Test("a document with no paths, or nothing selected, imports nothing: exit 1")
    func nothingToImport() throws {
        let empty = try #require(ImportHarness.failure(#"{"openapi": "3.1.0", "info": {}, "paths": {}}"#))
        #expect(empty.exitStatus == 1)
        let headOnly = ImportHarness.document(paths: #"{"/a": {"head": {"responses": {}}}}"#)
        #expect(ImportHarness.failure(headOnly)?.exitStatus == 1)
        let document = ImportHarness.document(paths: #"{"/a": {"get": {"responses": {}}}}"#)
        #expect(ImportHarness.failure(document, ImportOptions(exclude: "/a"))?.exitStatus == 1)
    }

    @Test("nesting deeper than the parser allows is refused, not a crash")
    func deepNesting() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(ImportHarness.failure(deep)?.exitStatus == 2)
        let schema =
            String(repeating: #"{"type": "object", "properties": {"a": "#, count: 200) + #"{"type": "string"}"#
            + String(repeating: "}}", count: 200)
        let document = ImportHarness.document(
            paths: #"{"/a": {"post": {"requestBody": {"content": {"application/json": {"schema": "# + schema
                + "}}}, \"responses\": {}}}}")
        let result = try ImportHarness.run(document)
        #expect(try ImportHarness.validationErrors(result).isEmpty)
        #expect(result.warnings.contains { $0.message.contains("nested deeper") })
    }

    @Test("bad options are usage errors: a name off the rule, a broken regex, a plain-http base URL")
    func badOptions() throws {
        let document = ImportHarness.document(paths: #"{"/a": {"get": {"responses": {}}}}"#)
        for options in [
            ImportOptions(name: "Bad-Name"), ImportOptions(name: "1abc"), ImportOptions(include: "(unclosed"),
            ImportOptions(exclude: "[z-a]"), ImportOptions(baseURL: "http://example.com"),
            ImportOptions(baseURL: "ftp://example.com"),
        ] {
            let error = try #require(ImportHarness.failure(document, options))
            #expect(error.exitStatus == 2)
            #expect(error.code == .badOption)
        }
    }
}
