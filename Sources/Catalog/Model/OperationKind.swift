/// What an operation does; drives annotations, `--read-only`, retry safety and write ordering.
package enum OperationKind: String, Sendable, Hashable, CaseIterable {
    /// Returns a collection of items, paginated by the engine.
    case list
    /// Returns one object.
    case get
    /// Searches; may be a POST but reads only.
    case search
    /// Creates something; not idempotent.
    case create
    /// Changes something; idempotent only through PUT.
    case update
    /// Deletes something; idempotent.
    case delete
    /// Any other side effect (send a message, transition an issue).
    case action

    /// Whether the kind only reads (`list`, `get`, `search`).
    package var isRead: Bool {
        switch self {
        case .list, .get, .search: return true
        default: return false
        }
    }
}
