import JSON

/// Names the imported operations, assembles the draft, and checks it with the decoder and tool
/// builder `switchyard validate` uses; an operation they refuse is left out (and reported), so the
/// draft that remains validates with no errors.
struct DraftCheck {
    /// The integration name.
    let integration: String
    /// The top-level members (everything but `resources`).
    let top: JSONObject
    /// The operations still in the draft.
    private(set) var operations: [ImportedOperation]
    /// The assembled draft, once ``run()`` succeeded.
    private(set) var result: JSONValue?
    /// How many operations the draft holds.
    var kept: Int { result == nil ? 0 : operations.count }

    /// Creates a check.
    init(integration: String, top: JSONObject, operations: [ImportedOperation]) {
        self.integration = integration
        self.top = top
        self.operations = operations
    }

    /// Assembles and checks until the draft is clean; returns the operations left out and why.
    mutating func run() -> [(ImportedOperation, String)] {
        var refused: [(ImportedOperation, String)] = []
        for _ in 0..<4 {
            let (draft, places) = assemble()
            let errors = Self.errors(in: draft)
            if errors.isEmpty {
                result = draft
                return refused
            }
            var remove: [Int: String] = [:]
            for error in errors {
                let tokens = error.pointer.tokens
                if tokens.count >= 4, tokens[0] == "resources", tokens[2] == "operations",
                    let index = places["\(tokens[1])/\(tokens[3])"]
                {
                    if remove[index] == nil { remove[index] = "\(error.pointer): \(error.message)" }
                } else {
                    return refused
                        + operations.map { ($0, "the draft is invalid at \(error.pointer): \(error.message)") }
                }
            }
            for index in remove.keys.sorted(by: >) {
                refused.append((operations[index], remove[index] ?? ""))
                operations.remove(at: index)
            }
            if operations.isEmpty { return refused }
        }
        return refused
    }

    /// The draft, and where each operation went (`resource/key` → index).
    private func assemble() -> (JSONValue, [String: Int]) {
        let names = OperationNamer(integration: integration).names(for: operations)
        var order = Array(operations.indices)
        order.sort { lhs, rhs in
            let left = (names[lhs].resource, Self.rank(operations[lhs].kind), names[lhs].operation)
            let right = (names[rhs].resource, Self.rank(operations[rhs].kind), names[rhs].operation)
            return left < right
        }
        var resources = JSONObject()
        var places: [String: Int] = [:]
        for index in order {
            let (resource, key) = names[index]
            var entry = resources[resource]?.objectValue ?? ["operations": [:]]
            var operationsObject = entry["operations"]?.objectValue ?? JSONObject()
            operationsObject[key] = .object(operations[index].json)
            entry["operations"] = .object(operationsObject)
            resources[resource] = .object(entry)
            places["\(resource)/\(key)"] = index
        }
        var draft = top
        draft["resources"] = .object(resources)
        return (.object(draft), places)
    }

    private static func rank(_ kind: OperationKind) -> Int {
        switch kind {
        case .list: return 0
        case .search: return 1
        case .get: return 2
        case .create: return 3
        case .update: return 4
        case .delete: return 5
        case .action: return 6
        }
    }

    /// The errors `validate` would report for the draft.
    private static func errors(in draft: JSONValue) -> [Diagnostic] {
        let sink = DiagnosticSink(file: "draft")
        var decoder = IntegrationDecoder(
            sink: sink, interpolator: EnvironmentInterpolator(environment: [:]), credentialsOptional: true)
        if let integration = decoder.decode(draft), !sink.hasErrors {
            for operation in integration.operations {
                do {
                    _ = try ToolBuilder.tool(for: operation, in: integration)
                } catch {
                    sink.error(
                        at: JSONPointer(tokens: ["resources", operation.resource, "operations", operation.key]),
                        "invalid schema: \(error)")
                }
            }
        }
        return sink.diagnostics.filter { $0.severity == .error }
    }
}
