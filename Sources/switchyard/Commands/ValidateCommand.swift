import Catalog
import FoundationEssentials

/// `switchyard validate [PATH…]`: one diagnostic a line, exit 1 when any is an error.
enum ValidateCommand {
    static func run(paths: [String]) -> Int32 {
        let environment = ProcessInfo.processInfo.environment
        let targets = paths.isEmpty ? Options().integrationPaths(environment: environment) : paths
        var loader = CatalogLoader(paths: targets, environment: environment)
        loader.variablesOptional = true
        let result = loader.load()
        for diagnostic in result.diagnostics { StandardOutput.write(diagnostic.description) }
        let errors = result.diagnostics.filter { $0.severity == .error }.count
        let warnings = result.diagnostics.count - errors
        StandardError.write(
            "switchyard: \(Plural.count(result.catalog.integrations.count, "integration")), "
                + "\(Plural.count(result.catalog.tools.count, "tool")); "
                + "\(Plural.count(errors, "error")), \(Plural.count(warnings, "warning"))")
        for (name, variables) in result.unsetVariables.sorted(by: { $0.key < $1.key }) {
            StandardError.write("switchyard: to serve \(name), set \(variables.joined(separator: ", "))")
        }
        return errors > 0 ? 1 : 0
    }
}
