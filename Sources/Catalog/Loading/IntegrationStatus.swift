/// Where one integration file stands after a load: served, waiting for variables, broken or
/// filtered out. `serve` says it in its instructions, `tools` in its status column, `doctor` and
/// `call` in their answers.
package struct IntegrationStatus: Sendable, Hashable {
    /// Why an integration is or is not served.
    package enum State: Sendable, Hashable {
        /// Loaded, and its tools pass the filter (some of them at least, unless `--tags`/`--tools` say otherwise).
        case ready
        /// Left out: these environment variables are unset.
        case needsVariables([String])
        /// Left out: the file has errors (its diagnostics say which).
        case fileError
        /// Not loaded: `--only` does not name it.
        case filteredOut
    }

    /// The integration's name; for a file that cannot be read or parsed, the file's name without `.json`.
    package var name: String
    /// The file it comes from.
    package var file: String
    /// Its state.
    package var state: State

    /// Creates a status.
    package init(name: String, file: String, state: State) {
        self.name = name
        self.file = file
        self.state = state
    }

    /// The name a file is known by before its `name` can be read: its last path component without `.json`.
    package static func fallbackName(of file: String) -> String {
        let base = file.split(separator: "/").last.map(String.init) ?? file
        return base.hasSuffix(".json") ? String(base.dropLast(5)) : base
    }
}
