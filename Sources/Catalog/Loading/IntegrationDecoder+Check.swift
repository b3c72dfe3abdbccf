import JSON

extension IntegrationDecoder {
    /// Reads an operation's `"check": true`: the call `switchyard doctor` makes with no arguments
    /// (a list with `limit` 1) to prove the credentials. It must be a read and need no argument, so
    /// the check never changes anything at the vendor and never needs a person to fill anything in.
    func decodeCheck(_ reader: FieldReader, kind: OperationKind, parameters: [Parameter]) -> Bool {
        guard reader.bool("check") == true else { return false }
        guard kind.isRead else {
            sink.error(
                at: reader.at("check"),
                "'check' marks a credential check: it must be a list, get or search operation, not \(kind.rawValue)")
            return false
        }
        if let required = parameters.first(where: \.required) {
            sink.error(
                at: reader.at("check"),
                "'check' operations are called with no arguments, but parameter '\(required.name)' is required")
            return false
        }
        return true
    }

    /// One credential check per integration: a second `"check": true` is an error at its place.
    func checkSingleCheck(_ operations: [APIOperation]) {
        let marked = operations.filter(\.check)
        guard let first = marked.first else { return }
        for operation in marked.dropFirst() {
            sink.error(
                at: JSONPointer(tokens: ["resources", operation.resource, "operations", operation.key, "check"]),
                "only one operation may be the credential check ('check': true); \(first.toolName) already is")
        }
    }
}
