import JSON

/// One argument the model sees, and where the engine puts it on the wire.
package struct Parameter: Sendable, Hashable {
    /// The argument name in the tool's input schema.
    package var name: String
    /// Where the value goes.
    package var location: ParameterLocation
    /// The name on the wire for query and header parameters (`page[size]`); defaults to ``name``.
    package var wireName: String
    /// For body parameters, where in the body the value goes (`/fields/summary`); root = the whole body.
    package var bodyPointer: JSONPointer
    /// Whether the model must pass it (always true for path parameters).
    package var required: Bool
    /// For array query values: `a=1&a=2` when true, `a=1,2` when false.
    package var explode: Bool
    /// The JSON Schema the model sees, without the wire-only keys (`in`, `name`, `to`, `required`, `explode`).
    package var schema: JSONValue

    /// Creates a parameter.
    package init(
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
    package var defaultValue: JSONValue? { schema["default"] }
}
