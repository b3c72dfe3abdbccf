/// Whether one tool of the files is served under the options, and if not, why.
enum ToolAvailability: Sendable, Equatable {
    /// Exposed.
    case ready
    /// Its integration is left out until these environment variables are set.
    case needs([String])
    /// Its integration's file has errors.
    case fileError
    /// A filter hides it; the reason names the filter (`hidden by --read-only`).
    case filteredOut(reason: String)

    /// The status column of `switchyard tools`: `ready`, `needs GITHUB_TOKEN`, `file error`, `filtered out`.
    var label: String {
        switch self {
        case .ready: return "ready"
        case .needs(let variables): return "needs " + variables.joined(separator: ", ")
        case .fileError: return "file error"
        case .filteredOut: return "filtered out"
        }
    }

    /// The `status` member of `tools --json`: `ready`, `needs`, `file_error` or `filtered_out`.
    var code: String {
        switch self {
        case .ready: return "ready"
        case .needs: return "needs"
        case .fileError: return "file_error"
        case .filteredOut: return "filtered_out"
        }
    }

    /// The unset variables (empty unless ``needs(_:)``).
    var missing: [String] {
        if case .needs(let variables) = self { return variables }
        return []
    }

    /// Why `tool` cannot be called, as one line for `switchyard call` (`nil` when it can).
    func explanation(tool: String, integration: String, file: String) -> String? {
        switch self {
        case .ready: return nil
        case .needs(let variables):
            let plural = variables.count == 1 ? "" : "s"
            return "\(tool) needs \(variables.joined(separator: ", ")): set the environment variable\(plural) "
                + "to use \(integration)"
        case .fileError:
            return "\(tool) is unavailable: \(file) has errors (see switchyard validate \(file))"
        case .filteredOut(let reason):
            return "\(tool) is \(reason)"
        }
    }
}
