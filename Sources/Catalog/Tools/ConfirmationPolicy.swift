/// Which tool calls need a person's confirmation before anything is sent (`--confirm`).
package enum ConfirmationPolicy: String, Sendable, CaseIterable {
    /// Operations of kind `delete`, and operations or resources marked `"confirm": true` (the default).
    case destructive
    /// Every operation that is not a read (`create`, `update`, `delete`, `action`), plus the marked ones.
    case writes
    /// No call asks: for unattended use, where nobody is there to answer.
    case none

    /// Whether a call of `tool` needs confirmation under this policy.
    package func requiresConfirmation(_ tool: Tool) -> Bool {
        switch self {
        case .none: return false
        case .destructive: return tool.kind == .delete || tool.operation.confirm
        case .writes: return !tool.kind.isRead || tool.operation.confirm
        }
    }
}
