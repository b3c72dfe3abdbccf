import JSON

/// One argument the model sees, and where the engine puts it on the wire.
public struct Parameter: Sendable, Hashable {
    /// The argument name in the tool's input schema.
    public var name: String
    /// Where the value goes.
    public var location: ParameterLocation
    /// The name on the wire for query and header parameters (`page[size]`); defaults to ``name``.
    public var wireName: String
    /// For body parameters, where in the body the value goes (`/fields/summary`); root = the whole body.
    public var bodyPointer: JSONPointer
    /// Whether the model must pass it (always true for path parameters).
    public var required: Bool
    /// For array query values: `a=1&a=2` when true, `a=1,2` when false.
    public var explode: Bool
    /// The JSON Schema the model sees, without the wire-only keys (`in`, `name`, `to`, `required`, `explode`).
    public var schema: JSONValue

    /// Creates a parameter.
    public init(
        name: String, location: ParameterLocation, wireName: String? = nil, bodyPointer: JSONPointer? = nil,
        required: Bool = false, explode: Bool = true, schema: JSONValue
    ) {
        self.name = name
        self.location = location
        self.wireName = wireName ?? name
        self.bodyPointer = bodyPointer ?? JSONPointer(tokens: [name])
        self.required = required || location == .path
        self.explode = explode
        self.schema = schema
    }

    /// The schema's `default`, sent when the argument is left out.
    public var defaultValue: JSONValue? { schema["default"] }
}
