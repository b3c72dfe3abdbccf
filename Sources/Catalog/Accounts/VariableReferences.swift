/// The environment variables an integration file references, in first-seen order, and which of
/// them are credentials (referenced inside `auth`).
package struct VariableReferences: Sendable, Equatable {
    /// Every referenced name, once, in first-seen order.
    package private(set) var names: [String] = []
    /// The names referenced inside `auth`.
    package private(set) var credentials: Set<String> = []

    /// No references.
    package init() {}

    /// Notes names seen in one interpolated string.
    mutating func note(_ found: [String], credential: Bool) {
        for name in found {
            if !names.contains(name) { names.append(name) }
            if credential { credentials.insert(name) }
        }
    }
}
