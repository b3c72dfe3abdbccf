/// Gives every imported operation a resource and an operation key such that every tool name
/// `{integration}_{resource}_{operation}` is unique and at most 64 characters.
///
/// Names start from the path (`/repos/{owner}/{repo}/issues` → `issues`) and the verb (`list`).
/// When two operations would share a name, each is qualified by the word above it in its path
/// (`issue_comments`, `pull_comments`), up to three levels; what still collides gets `_2`, `_3`…
/// in document order. The result depends only on the input order, so drafts are reproducible.
struct OperationNamer {
    /// The integration name the tool names start with.
    let integration: String

    /// The `(resource, operation)` of each operation, in the same order.
    func names(for operations: [ImportedOperation]) -> [(resource: String, operation: String)] {
        let bases = operations.map { $0.shape.resource(operation: $0.operation) }
        let identities = operations.map { $0.shape.identity(operation: $0.operation) }
        var names = zip(bases, operations).map { (resource: $0, operation: $1.operation) }
        for level in 1...3 {
            // Two different resources (by identity) that would share a tool name are both
            // qualified, every one of their operations, so one resource keeps one name.
            let groups = Dictionary(grouping: names.indices) { "\(names[$0].resource)/\(names[$0].operation)" }
            var marked: Set<String> = []
            for group in groups.values where Set(group.map { identities[$0] }).count > 1 {
                for index in group { marked.insert("\(names[index].resource)|\(identities[index])") }
            }
            guard !marked.isEmpty else { break }
            for index in names.indices where marked.contains("\(names[index].resource)|\(identities[index])") {
                guard
                    let qualifier = operations[index].shape.qualifier(
                        operation: operations[index].operation, levels: level)
                else { continue }
                names[index].resource = qualifier + "_" + names[index].resource
            }
        }
        var used: Set<String> = []
        for index in names.indices {
            var (resource, operation) = fitted(names[index])
            var candidate = "\(resource)_\(operation)"
            var suffix = 2
            while used.contains(candidate) {
                (resource, operation) = fitted((resource, names[index].operation + "_\(suffix)"))
                candidate = "\(resource)_\(operation)"
                suffix += 1
            }
            used.insert(candidate)
            names[index] = (resource, operation)
        }
        return names
    }

    /// The pair shortened so that the tool name fits in 64 characters (the resource gives way first).
    private func fitted(_ name: (resource: String, operation: String)) -> (resource: String, operation: String) {
        var operation = String(name.operation.prefix(24))
        if operation.hasSuffix("_") { operation.removeLast() }
        let room = 64 - integration.count - operation.count - 2
        var resource = String(name.resource.prefix(max(1, room)))
        while resource.hasSuffix("_") { resource.removeLast() }
        if resource.isEmpty { resource = "r" }
        return (resource, operation)
    }
}
