/// Generated integration files for the large-catalogue `tools/list` scenario: every file holds
/// ``toolsPerFile`` tools shaped like the shipped ones (all seven kinds, path, query and body
/// parameters, descriptions of a realistic length, cursor pagination on list tools).
enum GeneratedCatalogue {
    /// Resources per file.
    static let resourcesPerFile = 10
    /// The operations of every resource: key, kind (when the key does not imply it), request, parameters.
    private static let operations: [(key: String, kind: String?, request: String, parameters: [String])] = [
        ("list", nil, "GET /{r}", ["state", "query"]),
        ("get", nil, "GET /{r}/{id}", ["id"]),
        ("search", nil, "POST /{r}/search", ["query"]),
        ("create", nil, "POST /{r}", ["title", "body"]),
        ("update", nil, "PATCH /{r}/{id}", ["id", "title", "body"]),
        ("delete", nil, "DELETE /{r}/{id}", ["id"]),
        ("archive", "action", "POST /{r}/{id}/archive", ["id"]),
        ("restore", "action", "POST /{r}/{id}/restore", ["id"]),
        ("assign", "action", "POST /{r}/{id}/assign", ["id", "assignee"]),
        ("comment", "action", "POST /{r}/{id}/comments", ["id", "body"]),
    ]
    /// Tools per file.
    static var toolsPerFile: Int { resourcesPerFile * operations.count }

    private static let parameters: [String: String] = [
        "state": #"{"in": "query", "type": "string", "enum": ["open", "closed", "all"], "default": "open", "#
            + #""description": "Which records to list: open ones (the default), closed ones, or all."}"#,
        "query": #"{"in": "query", "type": "string", "description": "Free text matched against titles and bodies."}"#,
        "id": #"{"in": "path", "type": "string", "description": "The record's identifier as returned by list."}"#,
        "title": #"{"in": "body", "type": "string", "description": "A one-line summary shown in lists."}"#,
        "body": #"{"in": "body", "type": "string", "description": "The full text, Markdown allowed."}"#,
        "assignee": #"{"in": "body", "type": "string", "description": "The login of the user to assign."}"#,
    ]

    /// One integration file named `name` whose base URL is `baseURL`.
    static func file(name: String, baseURL: String) -> String {
        var resources: [String] = []
        for index in 0..<resourcesPerFile {
            let resource = "records\(index)"
            var entries: [String] = []
            for operation in operations {
                let request = operation.request.replacingOccurrences(of: "{r}", with: resource)
                let parameterText = operation.parameters.map { #""\#($0)": \#(parameters[$0] ?? "{}")"# }
                    .joined(separator: ", ")
                let kind = operation.kind.map { #""kind": "\#($0)", "# } ?? ""
                entries.append(
                    #""\#(operation.key)": {\#(kind)"request": "\#(request)", "#
                        + #""description": "\#(description(operation.key, resource: resource, integration: name))", "#
                        + #""parameters": {\#(parameterText)}}"#)
            }
            resources.append(
                #""\#(resource)": {"description": "Records of kind \#(index) in \#(name).", "tags": ["t\#(index)"], "#
                    + #""operations": {\#(entries.joined(separator: ", "))}}"#)
        }
        return #"{"name": "\#(name)", "description": "A generated integration for switchyard-bench.", "#
            + #""base_url": "\#(baseURL)", "#
            + #""pagination": {"style": "cursor", "records": "/data", "page_size": {"param": "limit", "max": 100}, "#
            + #""cursor": {"param": "after", "from": "/next"}}, "#
            + #""resources": {\#(resources.joined(separator: ", "))}}"#
    }

    private static func description(_ key: String, resource: String, integration: String) -> String {
        "\(key.capitalized) \(resource) in \(integration). Use this when the user asks to \(key) one of their "
            + "\(resource); prefer the list tool to find identifiers first."
    }
}
