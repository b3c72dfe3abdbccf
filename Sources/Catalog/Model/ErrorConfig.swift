import JSON

/// The `errors` block: how to read the vendor's failures.
public struct ErrorConfig: Sendable, Hashable {
    /// A rule that makes a 2xx body a failure.
    public struct FailureRule: Sendable, Hashable {
        /// Where to look.
        public var pointer: JSONPointer
        /// The body fails when the value there equals this.
        public var equals: JSONValue?
        /// The body fails when a value exists there (true) or does not (false).
        public var exists: Bool?

        /// Creates a rule.
        public init(pointer: JSONPointer, equals: JSONValue? = nil, exists: Bool? = nil) {
            self.pointer = pointer
            self.equals = equals
            self.exists = exists
        }

        /// Whether the body matches the rule (and so is a failure).
        public func matches(_ body: JSONValue) -> Bool {
            let found = body.value(at: pointer)
            if let equals { return found == equals }
            if let exists { return (found != nil && found != .null) == exists }
            return false
        }
    }

    /// A mapping from the vendor's own error code to an engine error type.
    public struct TypeMapping: Sendable, Hashable {
        /// Where the vendor's code is.
        public var pointer: JSONPointer
        /// Vendor code → engine error type name (`not_found`, …).
        public var map: [String: String]

        /// Creates a mapping.
        public init(pointer: JSONPointer, map: [String: String]) {
            self.pointer = pointer
            self.map = map
        }
    }

    /// The pointers tried in order for the vendor's human message.
    public var messagePointers: [JSONPointer]
    /// A rule making a 2xx body a failure, if any.
    public var failureWhen: FailureRule?
    /// A mapping of vendor codes to error types, if any.
    public var typeFrom: TypeMapping?

    /// The default message pointers of DESIGN.md §5.
    public static let defaultMessagePointers: [JSONPointer] = [
        "/message", "/error", "/error/message", "/error_description", "/errorMessages/0", "/0/message",
        "/errors/0/message",
    ].compactMap { JSONPointer($0) }

    /// Creates an error configuration; configured pointers are tried before the defaults.
    public init(messagePointers: [JSONPointer] = [], failureWhen: FailureRule? = nil, typeFrom: TypeMapping? = nil) {
        self.messagePointers = messagePointers
        self.failureWhen = failureWhen
        self.typeFrom = typeFrom
    }
}
