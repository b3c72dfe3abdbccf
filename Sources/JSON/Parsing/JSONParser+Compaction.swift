extension JSONParser {
    /// The compact encoding `JSONParser.parse(data).encoded()` would produce — its first `limit`
    /// bytes and its total size — computed in one pass without building the value, so a large
    /// document costs its own size in memory rather than several times it.
    ///
    /// Every string and number goes through the parser's own scanner and the writer's own
    /// formatting, so the bytes are the same. Returns `nil` when `data` is not valid JSON (parse it
    /// to learn why) or when an object repeats a key: there the parsed value keeps the last value
    /// at the first key's position, which a single pass cannot reproduce.
    package static func compactEncoding(of data: some Collection<UInt8>, keepingAtMost limit: Int) -> CompactEncoding? {
        let result: CompactEncoding?? = data.withContiguousStorageIfAvailable { buffer in
            compactEncoding(buffer, limit: limit)
        }
        if let result { return result }
        let copy = Array(data)
        return copy.withUnsafeBufferPointer { compactEncoding($0, limit: limit) }
    }

    private static func compactEncoding(_ buffer: UnsafeBufferPointer<UInt8>, limit: Int) -> CompactEncoding? {
        var compactor = Compactor(parser: JSONParser(bytes: buffer), limit: max(0, limit))
        do throws(JSONParseError) {
            compactor.parser.skipWhitespace()
            try compactor.value()
            compactor.parser.skipWhitespace()
            guard compactor.parser.index == buffer.count else { return nil }
        } catch {
            return nil
        }
        return CompactEncoding(
            prefix: compactor.writer.bytes, totalCount: compactor.writer.bytes.count + compactor.dropped)
    }
}

/// Re-writes a JSON text compactly while scanning it, keeping at most `limit` output bytes and
/// counting the rest.
private struct Compactor {
    var parser: JSONParser
    let limit: Int
    var writer: JSONWriter
    /// Output bytes counted but not kept.
    var dropped = 0

    /// Past this many members, an object's keys are checked for repeats through a set.
    private static let linearKeyCheckLimit = 32

    init(parser: JSONParser, limit: Int) {
        self.parser = parser
        self.limit = limit
        writer = JSONWriter(reserving: min(limit, 1 << 16) + 64)
    }

    /// Compacts the value at the current position (whitespace before it already skipped).
    mutating func value() throws(JSONParseError) {
        guard parser.index < parser.bytes.count else { throw parser.error("unexpected end of input") }
        switch parser.bytes[parser.index] {
        case UInt8(ascii: "{"): try object()
        case UInt8(ascii: "["): try array()
        case UInt8(ascii: "\""): writer.writeString(try parser.parseString())
        case UInt8(ascii: "t"):
            try parser.expectLiteral("true")
            writer.write(.bool(true))
        case UInt8(ascii: "f"):
            try parser.expectLiteral("false")
            writer.write(.bool(false))
        case UInt8(ascii: "n"):
            try parser.expectLiteral("null")
            writer.write(.null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): writer.write(try parser.parseNumber())
        default: throw parser.error("unexpected character")
        }
        keepWithinLimit()
    }

    private mutating func array() throws(JSONParseError) {
        try parser.enter()
        parser.index += 1
        writer.writeRaw(CollectionOfOne(UInt8(ascii: "[")))
        parser.skipWhitespace()
        if parser.index < parser.bytes.count, parser.bytes[parser.index] == UInt8(ascii: "]") {
            return close("]")
        }
        while true {
            parser.skipWhitespace()
            try value()
            parser.skipWhitespace()
            guard parser.index < parser.bytes.count else { throw parser.error("unexpected end of input") }
            if parser.bytes[parser.index] == UInt8(ascii: ",") {
                parser.index += 1
                writer.writeRaw(CollectionOfOne(UInt8(ascii: ",")))
                continue
            }
            guard parser.bytes[parser.index] == UInt8(ascii: "]") else { throw parser.error("expected ',' or ']'") }
            return close("]")
        }
    }

    private mutating func object() throws(JSONParseError) {
        try parser.enter()
        parser.index += 1
        writer.writeRaw(CollectionOfOne(UInt8(ascii: "{")))
        var keys: [String] = []
        var keySet: Set<JSONParser.CodeUnitKey> = []
        parser.skipWhitespace()
        if parser.index < parser.bytes.count, parser.bytes[parser.index] == UInt8(ascii: "}") {
            return close("}")
        }
        while true {
            parser.skipWhitespace()
            guard parser.index < parser.bytes.count, parser.bytes[parser.index] == UInt8(ascii: "\"") else {
                throw parser.error("expected a string key")
            }
            let key = try parser.parseString()
            // A key repeated (by code units, as JSONObject compares keys) ends the pass.
            if keys.count < Self.linearKeyCheckLimit {
                guard !keys.contains(where: { JSONObject.sameKey($0, key) }) else { throw parser.error("repeated key") }
                keys.append(key)
                if keys.count == Self.linearKeyCheckLimit { keySet = Set(keys.map(JSONParser.CodeUnitKey.init)) }
            } else {
                guard keySet.insert(JSONParser.CodeUnitKey(key)).inserted else { throw parser.error("repeated key") }
            }
            parser.skipWhitespace()
            guard parser.index < parser.bytes.count, parser.bytes[parser.index] == UInt8(ascii: ":") else {
                throw parser.error("expected ':'")
            }
            parser.index += 1
            writer.writeString(key)
            writer.writeRaw(CollectionOfOne(UInt8(ascii: ":")))
            parser.skipWhitespace()
            try value()
            parser.skipWhitespace()
            guard parser.index < parser.bytes.count else { throw parser.error("unexpected end of input") }
            if parser.bytes[parser.index] == UInt8(ascii: ",") {
                parser.index += 1
                writer.writeRaw(CollectionOfOne(UInt8(ascii: ",")))
                continue
            }
            guard parser.bytes[parser.index] == UInt8(ascii: "}") else { throw parser.error("expected ',' or '}'") }
            return close("}")
        }
    }

    private mutating func close(_ bracket: Unicode.Scalar) {
        parser.index += 1
        parser.depth -= 1
        writer.writeRaw(CollectionOfOne(UInt8(ascii: bracket)))
        keepWithinLimit()
    }

    /// Drops output past the limit, counting it.
    private mutating func keepWithinLimit() {
        let excess = writer.bytes.count - limit
        guard excess > 0 else { return }
        dropped += excess
        writer.removeLast(excess)
    }
}
