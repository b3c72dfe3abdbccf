import Catalog
import Foundation
import Testing

/// Integration files written as real JSON text to a temporary file and loaded through
/// ``CatalogLoader``, so engine tests exercise the same format users write.
enum IntegrationFile {
    /// The integration name every fixture uses; tools are `vendor_things_<operation>`.
    static let name = "vendor"

    /// Retry settings that keep tests fast: tiny backoffs, the default three tries.
    static let fastRetry = #""retry": {"initial_backoff_ms": 10, "max_backoff_ms": 40}"#

    /// A whole integration file: `settings` are extra top-level members (a JSON fragment such as
    /// `"auth": {…}, "retry": {…}`), `operations` the members of the one resource `things`.
    /// Without a `"retry"` of their own, settings get ``fastRetry``.
    static func text(baseURL: String, settings: String = "", operations: String) -> String {
        var members = [#""name": "\#(name)""#, #""base_url": "\#(baseURL)""#]
        if !settings.isEmpty { members.append(settings) }
        if !settings.contains(#""retry""#) { members.append(fastRetry) }
        members.append(
            #""resources": {"things": {"description": "Things of the test vendor.", "operations": {\#(operations)}}}"#)
        return "{" + members.joined(separator: ", ") + "}"
    }

    /// Writes `text` to a fresh temporary file, loads it, and requires that it loaded without errors;
    /// with `credentialsOptional` (replay) unset credential variables are allowed.
    static func load(_ text: String, environment: [String: String] = [:], credentialsOptional: Bool = false) throws
        -> Catalog
    {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("engine-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("\(name).json")
        try Data(text.utf8).write(to: file)
        let result = CatalogLoader(
            paths: [file.path], environment: environment, credentialsOptional: credentialsOptional
        ).load()
        let errors = result.diagnostics.filter { $0.severity == .error }
        try #require(errors.isEmpty, "the fixture does not load: \(errors)")
        try #require(result.catalog.integrations[name] != nil, "the fixture was left out: \(result.diagnostics)")
        return result.catalog
    }
}
