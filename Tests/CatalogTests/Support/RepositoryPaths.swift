import Foundation

/// Paths inside the repository, found from this source file's location.
enum RepositoryPaths {
    /// The repository root (the directory holding `Package.swift`).
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        // Tests/CatalogTests/Support/RepositoryPaths.swift → the root is four levels up.
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The shipped integrations directory.
    static var integrations: String { root + "/Integrations" }

    /// The shipped GitHub integration file.
    static var githubIntegration: String { integrations + "/github.json" }

    /// The JSON Schema of the integration file format.
    static var integrationSchema: String { integrations + "/schema/integration.schema.json" }

    /// The golden file of GitHub's generated tool definitions.
    static var githubGolden: String { root + "/Tests/CatalogTests/Golden/github.tools.json" }
}
