import JSON

/// One OpenAPI operation on its way into the draft: everything but its final names.
struct ImportedOperation {
    /// `GET`, `POST`, …
    var method: String
    /// The request path, placeholders renamed where the argument names had to change.
    var path: String
    /// The path's shape (for names).
    var shape: PathShape
    /// The kind guessed from the method and the path.
    var kind: OperationKind
    /// The operation key suggested by the path (`list`, `get`, `cancel`…), before deduplication.
    var operation: String
    /// The tool description.
    var description: String
    /// The parameters, by argument name, in the order they are written.
    var parameters: JSONObject
    /// `form` for `application/x-www-form-urlencoded` bodies.
    var formBody: Bool
    /// The pagination of a list operation.
    var pagination: JSONObject?
    /// A note for the person finishing the draft, written as `x-todo`.
    var todo: String?
    /// Where the operation is in the OpenAPI document (for warnings).
    var pointer: JSONPointer

    /// The operation as the integration file writes it.
    var json: JSONObject {
        var object: JSONObject = [
            "kind": .string(kind.rawValue), "request": .string("\(method) \(path)"),
            "description": .string(description),
        ]
        if formBody { object["body_encoding"] = "form" }
        if !parameters.isEmpty { object["parameters"] = .object(parameters) }
        if let pagination { object["pagination"] = .object(pagination) }
        if let todo { object["x-todo"] = .string(todo) }
        return object
    }
}
