import JSON

extension Catalog {
    /// The integration settings and the tool a call of `tool` with `arguments` runs with: those of
    /// the account the `account` argument names (or the default account), with the operation as
    /// that account's variables interpolate it. A tool of an integration with one account runs as is.
    package func account(for tool: Tool, arguments: JSONObject) -> Result<(Tool, Integration), AccountChoiceError> {
        guard let set = accounts[tool.integration], set.isChoice else {
            guard let integration = integrations[tool.integration] else {
                return .failure(AccountChoiceError("\(tool.name) belongs to no loaded integration"))
            }
            return .success((tool, integration))
        }
        switch set.choose(arguments) {
        case .failure(let error):
            return .failure(error)
        case .success(let integration):
            var chosen = tool
            if let operation = integration.operations.first(where: { $0.toolName == tool.name }) {
                chosen.operation = operation
            }
            return .success((chosen, integration))
        }
    }
}
