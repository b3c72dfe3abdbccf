/// The environment variables an integration file references, in first-seen order, and which of
/// them are credentials (referenced inside `auth`).
public struct VariableReferences: Sendable, Equatable {
    /// Every referenced name, once, in first-seen order.
    public private(set) var names: [String] = []
    /// The names referenced inside `auth`.
    public private(set) var credentials: Set<String> = []

    /// No references.
    public init() {}

    /// Notes names seen in one interpolated string.
    mutating func note(_ found: [String], credential: Bool) {
        for name in found {
            if !names.contains(name) { names.append(name) }
            if credential { credentials.insert(name) }
        }
    }
}
