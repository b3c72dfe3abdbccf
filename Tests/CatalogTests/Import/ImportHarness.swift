import Catalog
import Foundation
import JSON
import TestSupport
import Testing

/// Runs the importer on a small OpenAPI document written in a test, and checks that its draft
/// validates the way `switchyard validate` would.
enum ImportHarness {
    /// A minimal OpenAPI 3.0 document with `paths` (and optionally `components`) spliced in.
    static func document(
        paths: String, components: String = "{}", servers: String = #"[{"url": "https://api.example.test/v1"}]"#,
        extra: String = ""
    ) -> String {
        """
        {"openapi": "3.0.3", "info": {"title": "Example API", "version": "1"}, "servers": \(servers),
         \(extra.isEmpty ? "" : extra + ",") "paths": \(paths), "components": \(components)}
        """
    }

    /// Imports `text` with `options`.
    static func run(_ text: String, _ options: ImportOptions = ImportOptions(name: "example")) throws -> ImportResult {
        try OpenAPIImporter(options: options).draft(from: Array(text.utf8), file: "api.json")
    }

    /// The error importing `text` throws, or `nil` when it succeeds.
    static func failure(_ text: String, _ options: ImportOptions = ImportOptions()) -> ImportError? {
        do {
            _ = try OpenAPIImporter(options: options).draft(from: Array(text.utf8), file: "api.json")
            return nil
        } catch {
            return error
        }
    }

    /// The error diagnostics `validate` would print for the draft (none expected).
    static func validationErrors(_ result: ImportResult) throws -> [String] {
        let directory = try TemporaryDirectory()
        let file = try directory.write("draft.json", result.text)
        var loader = CatalogLoader(paths: [file], environment: [:])
        loader.variablesOptional = true
        let loaded = loader.load()
        return loaded.diagnostics.filter { $0.severity == .error }.map(\.description)
    }

    /// The operation at `resource`/`key` of a draft.
    static func operation(_ result: ImportResult, _ resource: String, _ key: String) -> JSONValue? {
        result.integration["resources"]?[resource]?["operations"]?[key]
    }

    /// Every `resource_operation` pair of a draft, in file order.
    static func names(_ result: ImportResult) -> [String] {
        var names: [String] = []
        for resource in result.integration["resources"]?.objectValue ?? JSONObject() {
            for operation in resource.value["operations"]?.objectValue ?? JSONObject() {
                names.append("\(resource.key)_\(operation.key)")
            }
        }
        return names
    }
}
