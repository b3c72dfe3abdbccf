import Catalog

/// The `instructions` of `initialize` and `server/discover` when integrations are left out: MCP
/// clients do not show a server's stderr, so this is where the model — and through it the
/// person — learns which integrations are missing and which variables to set.
enum ServeInstructions {
    /// One short paragraph naming each integration left out (unset variables, file errors), or
    /// `nil` when nothing was left out. Integrations filtered out by `--only` were left out on
    /// purpose and are not mentioned.
    static func text(statuses: [IntegrationStatus], toolCount: Int) -> String? {
        var needs: [String] = []
        var broken: [String] = []
        for status in statuses {
            switch status.state {
            case .needsVariables(let variables):
                needs.append("\(status.name) needs \(variables.joined(separator: ", "))")
            case .fileError: broken.append(status.name)
            case .ready, .filteredOut: continue
            }
        }
        guard !needs.isEmpty || !broken.isEmpty else { return nil }
        var sentences: [String] = []
        sentences.append(
            toolCount == 0
                ? "Switchyard has no tools to offer: every integration was left out."
                : "Some Switchyard integrations are not available in this session.")
        if !needs.isEmpty {
            sentences.append(
                "Environment variables are unset: \(needs.joined(separator: "; ")). To use them, the person must "
                    + "set these variables in the \"env\" of this server's entry in the MCP client's configuration "
                    + "and restart the server.")
        }
        if !broken.isEmpty {
            sentences.append(
                "The integration file\(broken.count == 1 ? "" : "s") of \(broken.joined(separator: ", ")) "
                    + "\(broken.count == 1 ? "has" : "have") errors; `switchyard validate` lists them.")
        }
        sentences.append("If the person asks for something these integrations would do, tell them this.")
        return sentences.joined(separator: " ")
    }

    /// The error line for stderr when nothing is served: which integrations to fix, in one line.
    static func noToolsLine(statuses: [IntegrationStatus]) -> String {
        var parts: [String] = []
        for status in statuses {
            switch status.state {
            case .needsVariables(let variables):
                parts.append("\(status.name) needs \(variables.joined(separator: ", "))")
            case .fileError: parts.append("\(status.name) has file errors")
            case .filteredOut, .ready: continue
            }
        }
        let why =
            parts.isEmpty ? "no integration file defines a tool that passes the filters" : parts.joined(separator: "; ")
        return "serving no tools: \(why)"
    }
}
