import Catalog
import JSON
import MCP

extension ConfirmationPrompt {
    /// The longest a single argument value is shown before it is cut (in characters).
    static let maxValueLength = 200
    /// The longest the argument list of a message runs before it is cut (in characters).
    static let maxArgumentsLength = 1200

    /// The prompt for calling `tool` of `integration` with `arguments`.
    ///
    /// The message names the action, the integration, the tool with its request line, and every
    /// argument as JSON (parameters in file order, then any others by name), e.g.
    /// `Delete on GitHub: github_issues_delete (DELETE /repos/{owner}/{repo}/issues/{issue_number})
    /// with owner="octo-org", repo="harbor", issue_number=142. Nothing is sent until you confirm.`
    /// Values are JSON so a string cannot pass for part of the sentence; control and invisible
    /// formatting characters (bidirectional overrides, zero-width spaces) are written as `\uXXXX`
    /// so an argument cannot hide or reorder text in front of the person.
    package init(tool: Tool, integration: Integration, arguments: JSONObject) {
        let order = tool.operation.parameters.map(\.name)
        var names = order.filter { arguments[$0] != nil }
        names += arguments.members.map(\.key).filter { !order.contains($0) }.sorted()
        var rendered = ""
        for name in names {
            guard let value = arguments[name] else { continue }
            let part = "\(Self.visible(name))=\(Self.cut(Self.visible(value.encoded()), to: Self.maxValueLength))"
            let next = rendered.isEmpty ? part : rendered + ", " + part
            guard next.count <= Self.maxArgumentsLength else {
                rendered += ", … (\(names.count) arguments in all)"
                break
            }
            rendered = next
        }
        let vendor = integration.title ?? integration.name
        let request = "\(tool.operation.method) \(tool.operation.path)"
        var message = "\(Self.verb(tool.kind)) on \(vendor): \(tool.name) (\(request))"
        message += rendered.isEmpty ? " with no arguments." : " with \(rendered)."
        message += " Nothing is sent to \(vendor) until you confirm."
        self.init(
            tool: tool.name, integration: integration.name, message: message,
            argumentsDigest: Self.digest(arguments))
    }

    private static func verb(_ kind: OperationKind) -> String {
        switch kind {
        case .delete: return "Delete"
        case .create: return "Create"
        case .update: return "Update"
        case .action: return "Run"
        case .list, .get, .search: return "Read"
        }
    }

    private static func cut(_ text: String, to limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit)) + "…"
    }
}
