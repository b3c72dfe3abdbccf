import FoundationEssentials

extension JSONValue {
    /// The value as compact JSON text.
    package func encoded(sortedKeys: Bool = false) -> String {
        var writer = JSONWriter(sortedKeys: sortedKeys)
        writer.write(self)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// The value as compact JSON bytes.
    package func encodedData(sortedKeys: Bool = false) -> Data {
        var writer = JSONWriter(sortedKeys: sortedKeys)
        writer.write(self)
        return Data(writer.bytes)
    }

    /// Parses JSON bytes; a convenience for ``JSONParser/parse(_:)-(some Collection<UInt8>)``.
    package init(parsing data: Data) throws(JSONParseError) {
        self = try JSONParser.parse(data)
    }

    /// Parses JSON text.
    package init(parsing text: String) throws(JSONParseError) {
        self = try JSONParser.parse(text)
    }
}
