import JSON

/// The `errors` block: how to read the vendor's failures.
package struct ErrorConfig: Sendable, Hashable {
    /// A rule that makes a 2xx body a failure.
    package struct FailureRule: Sendable, Hashable {
        /// Where to look.
        package var pointer: JSONPointer
        /// The body fails when the value there equals this.
        package var equals: JSONValue?
        /// The body fails when a value exists there (true) or does not (false).
        package var exists: Bool?

        /// Creates a rule.
        package init(pointer: JSONPointer, equals: JSONValue? = nil, exists: Bool? = nil) {
            self.pointer = pointer
            self.equals = equals
            self.exists = exists
        }

        /// Whether the body matches the rule (and so is a failure).
        package func matches(_ body: JSONValue) -> Bool {
            let found = body.value(at: pointer)
            if let equals { return found == equals }
            if let exists { return (found != nil && found != .null) == exists }
            return false
        }
    }

    /// A mapping from the vendor's own error code to an engine error type.
    package struct TypeMapping: Sendable, Hashable {
        /// Where the vendor's code is.
        package var pointer: JSONPointer
        /// Vendor code → engine error type name (`not_found`, …).
        package var map: [String: String]

        /// Creates a mapping.
        package init(pointer: JSONPointer, map: [String: String]) {
            self.pointer = pointer
            self.map = map
        }
    }

    /// The pointers tried in order for the vendor's human message.
    package var messagePointers: [JSONPointer]
    /// A rule making a 2xx body a failure, if any.
    package var failureWhen: FailureRule?
    /// A mapping of vendor codes to error types, if any.
    package var typeFrom: TypeMapping?

    /// The default message pointers of DESIGN.md §5.
    package static let defaultMessagePointers: [JSONPointer] = [
        "/message", "/error", "/error/message", "/error_description", "/errorMessages/0", "/0/message",
        "/errors/0/message",
    ].compactMap { JSONPointer($0) }

    /// Creates an error configuration; configured pointers are tried before the defaults.
    package init(messagePointers: [JSONPointer] = [], failureWhen: FailureRule? = nil, typeFrom: TypeMapping? = nil) {
        self.messagePointers = messagePointers
        self.failureWhen = failureWhen
        self.typeFrom = typeFrom
    }
}
