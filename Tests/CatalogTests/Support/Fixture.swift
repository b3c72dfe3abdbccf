import Catalog
import JSON
import TestSupport
import Testing

/// Integration documents for tests: a small valid file to start from, edited per test.
enum Fixture {
    /// A valid integration `acme` with one resource, `widgets`, holding a `list` and a `get` operation.
    static func acme() throws -> JSONValue {
        try JSONValue(parsing: acmeText)
    }

    /// The same document under another integration name (so two files do not collide).
    static func acme(named name: String) throws -> JSONValue {
        var document = try acme()
        try document.set("/name", .string(name))
        return document
    }

    /// A valid operation object with the given request and kind, for adding to the fixture.
    static func operation(_ request: String, kind: String? = nil) -> JSONValue {
        var object: JSONObject = [
            "request": .string(request),
            "description": "An operation used by the tests; long enough to pass the length check.",
        ]
        if let kind { object["kind"] = .string(kind) }
        return .object(object)
    }

    private static let acmeText = """
        {
          "name": "acme",
          "title": "Acme",
          "description": "Widgets of the Acme test API.",
          "base_url": "https://api.acme.test",
          "resources": {
            "widgets": {
              "tags": ["inventory"],
              "operations": {
                "list": {
                  "request": "GET /widgets",
                  "description": "List widgets, newest first. Use acme_widgets_get for one widget's details.",
                  "parameters": {
                    "color": {
                      "in": "query", "type": "string", "enum": ["red", "blue"],
                      "description": "Only widgets of this color."
                    }
                  }
                },
                "get": {
                  "request": "GET /widgets/{id}",
                  "description": "Get one widget by id with its full details. Use acme_widgets_list to find ids.",
                  "parameters": {
                    "id": { "in": "path", "type": "string", "description": "The widget's id." }
                  }
                }
              }
            }
          }
        }
        """
}

extension JSONValue {
    /// Sets the value at a pointer written as text, creating objects on the way.
    mutating func set(_ pointer: String, _ value: JSONValue) throws {
        let parsed = try #require(JSONPointer(pointer), "bad pointer in test: \(pointer)")
        let done = setValue(value, at: parsed)
        try #require(done, "cannot set \(pointer)")
    }

    /// Removes the value at a pointer written as text.
    mutating func remove(_ pointer: String) throws {
        let parsed = try #require(JSONPointer(pointer), "bad pointer in test: \(pointer)")
        let done = removeValue(at: parsed)
        try #require(done, "nothing to remove at \(pointer)")
    }
}

/// Writes documents to a fresh directory and loads it.
enum Load {
    /// Loads documents written as `name → document` files of one temporary directory.
    static func documents(
        _ documents: [(file: String, document: JSONValue)], environment: [String: String] = [:],
        filter: ToolFilter = ToolFilter(), credentialsOptional: Bool = false
    ) throws -> CatalogLoadResult {
        let directory = try TemporaryDirectory()
        for entry in documents { try directory.write(entry.file, entry.document) }
        let loader = CatalogLoader(
            paths: [directory.path], environment: environment, filter: filter,
            credentialsOptional: credentialsOptional)
        return loader.load()
    }

    /// Loads one document as `acme.json`.
    static func document(
        _ document: JSONValue, environment: [String: String] = [:], filter: ToolFilter = ToolFilter(),
        credentialsOptional: Bool = false
    ) throws -> CatalogLoadResult {
        try documents(
            [("acme.json", document)], environment: environment, filter: filter,
            credentialsOptional: credentialsOptional)
    }

    /// Loads the fixture after an edit.
    static func acme(
        environment: [String: String] = [:], credentialsOptional: Bool = false,
        _ edit: (inout JSONValue) throws -> Void
    ) throws -> CatalogLoadResult {
        var document = try Fixture.acme()
        try edit(&document)
        return try Load.document(document, environment: environment, credentialsOptional: credentialsOptional)
    }
}

extension CatalogLoadResult {
    /// The error diagnostics.
    var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    /// The warning diagnostics.
    var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
    /// The names of the exposed tools, in order.
    var toolNames: [String] { catalog.tools.map(\.name) }
}
