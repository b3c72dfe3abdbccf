import FoundationEssentials

/// A strict RFC 8259 parser working on UTF-8 bytes.
///
/// Strict means: no trailing commas, comments, leading zeros, `NaN`, unescaped control
/// characters, lone surrogate escapes or invalid UTF-8 — each is an error, never repaired.
/// Nesting deeper than ``maximumDepth`` is refused so hostile input cannot exhaust the stack.
package struct JSONParser {
    /// The deepest nesting of arrays and objects accepted.
    package static let maximumDepth = 512

    // Internal, not private: the compaction pass (JSONParser+Compaction.swift) reads with the same scanner.
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    var depth = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Parses one JSON text (surrounding whitespace allowed) from UTF-8 bytes.
    package static func parse(_ data: some Collection<UInt8>) throws(JSONParseError) -> JSONValue {
        let result: Result<JSONValue, JSONParseError>? = data.withContiguousStorageIfAvailable { buffer in
            parseBuffer(buffer)
        }
        if let result { return try result.get() }
        let copy = Array(data)
        return try copy.withUnsafeBufferPointer { parseBuffer($0) }.get()
    }

    /// Parses one JSON text from a string.
    package static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        var text = text
        let result = text.withUTF8 { parseBuffer($0) }
        return try result.get()
    }

    private static func parseBuffer(_ buffer: UnsafeBufferPointer<UInt8>) -> Result<JSONValue, JSONParseError> {
        var parser = JSONParser(bytes: buffer)
        do throws(JSONParseError) {
            parser.skipWhitespace()
            let value = try parser.parseValue()
            parser.skipWhitespace()
            guard parser.index == buffer.count else {
                throw parser.error("unexpected trailing data")
            }
            return .success(value)
        } catch {
            return .failure(error)
        }
    }

    func error(_ reason: String) -> JSONParseError {
        JSONParseError(offset: index, reason: reason)
    }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    /// One value, parsed in full (the sparse reader's name for it, off its path).
    mutating func parseValueOffPath() throws(JSONParseError) -> JSONValue {
        try parseValue()
    }

    private mutating func parseValue() throws(JSONParseError) -> JSONValue {
        guard index < bytes.count else { throw error("unexpected end of input") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw error("unexpected character")
        }
    }

    mutating func expectLiteral(_ literal: String) throws(JSONParseError) {
        var offset = 0
        for expected in literal.utf8 {
            guard index + offset < bytes.count else { throw error("unexpected end of input") }
            guard bytes[index + offset] == expected else { throw error("invalid literal") }
            offset += 1
        }
        index += offset
    }

    mutating func enter() throws(JSONParseError) {
        depth += 1
        if depth > JSONParser.maximumDepth { throw error("nesting deeper than \(JSONParser.maximumDepth)") }
    }

    private mutating func parseObject() throws(JSONParseError) -> JSONValue {
        try parseMembers { parser, _ throws(JSONParseError) in try parser.parseValue() }
    }

    /// Reads an object member by member, checking keys and separators; `value` parses each
    /// member's value (it is given the key). A repeated key keeps its first position and takes the
    /// last value, as most parsers do.
    @inline(__always)
    mutating func parseMembers(
        _ value: (inout JSONParser, String) throws(JSONParseError) -> JSONValue
    ) throws(JSONParseError) -> JSONValue {
        try enter()
        index += 1
        var members: [JSONObject.Member] = []
        // Past a few members, duplicate keys are found through a hash index instead of a linear scan,
        // so a large flat object costs linear, not quadratic, time.
        var positions: [CodeUnitKey: Int] = [:]
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return .object(JSONObject(uniqueMembers: members))
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw error("expected a string key")
            }
            let key = try parseString()
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw error("expected ':'") }
            index += 1
            skipWhitespace()
            let parsed = try value(&self, key)
            if let existing = Self.position(of: key, in: members, index: &positions) {
                members[existing].value = parsed
            } else {
                members.append(JSONObject.Member(key: key, value: parsed))
            }
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of input") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            guard bytes[index] == UInt8(ascii: "}") else { throw error("expected ',' or '}'") }
            index += 1
            depth -= 1
            return .object(JSONObject(uniqueMembers: members))
        }
    }

    /// The position of the member named `key`, if any; records `key` at the end when the index is in use.
    private static func position(
        of key: String, in members: [JSONObject.Member], index: inout [CodeUnitKey: Int]
    ) -> Int? {
        if members.count < 32 {
            return members.firstIndex { JSONObject.sameKey($0.key, key) }
        }
        if index.isEmpty {
            for (position, member) in members.enumerated() { index[CodeUnitKey(member.key)] = position }
        }
        if let existing = index[CodeUnitKey(key)] { return existing }
        index[CodeUnitKey(key)] = members.count
        return nil
    }

    private mutating func parseArray() throws(JSONParseError) -> JSONValue {
        var elements: [JSONValue] = []
        try forEachElement { parser throws(JSONParseError) in elements.append(try parser.parseValue()) }
        return .array(elements)
    }

    /// Reads an array's elements one by one with `element`, checking the separators.
    @inline(__always)
    mutating func forEachElement(
        _ element: (inout JSONParser) throws(JSONParseError) -> Void
    ) throws(JSONParseError) {
        try enter()
        index += 1
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return
        }
        while true {
            skipWhitespace()
            try element(&self)
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of input") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            guard bytes[index] == UInt8(ascii: "]") else { throw error("expected ',' or ']'") }
            index += 1
            depth -= 1
            return
        }
    }

    mutating func parseNumber() throws(JSONParseError) -> JSONValue {
        let start = index
        var isInteger = true
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else { throw error("invalid number") }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, isDigit(bytes[index]) { throw error("leading zero in number") }
        } else {
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else { throw error("invalid number") }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard index < bytes.count, isDigit(bytes[index]) else { throw error("invalid number") }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        if isInteger {
            // An integer beyond 64 bits (a long id) is kept as written rather than rounded.
            return Int64(text).map(JSONValue.int) ?? .number(text)
        }
        guard let value = Double(text), value.isFinite else { return .number(text) }
        return .double(value)
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    mutating func parseString() throws(JSONParseError) -> String {
        index += 1
        let start = index
        var allBits: UInt8 = 0
        // Fast path: no escapes.
        while index < bytes.count {
            let byte = bytes[index]
            allBits |= byte
            if byte == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<index])
                index += 1
                // ASCII needs no validation; anything else is checked.
                if allBits < 0x80 { return String(decoding: slice, as: UTF8.self) }
                guard let string = Self.string(validating: slice) else {
                    throw JSONParseError(offset: start, reason: "invalid UTF-8 in string")
                }
                return string
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw error("unescaped control character in string") }
            index += 1
        }
        var buffer = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                guard let string = buffer.withUnsafeBufferPointer(Self.string(validating:)) else {
                    throw JSONParseError(offset: start, reason: "invalid UTF-8 in string")
                }
                return string
            }
            if byte < 0x20 { throw error("unescaped control character in string") }
            if byte != UInt8(ascii: "\\") {
                buffer.append(byte)
                index += 1
                continue
            }
            index += 1
            guard index < bytes.count else { break }
            let escape = bytes[index]
            index += 1
            switch escape {
            case UInt8(ascii: "\""): buffer.append(0x22)
            case UInt8(ascii: "\\"): buffer.append(0x5C)
            case UInt8(ascii: "/"): buffer.append(0x2F)
            case UInt8(ascii: "b"): buffer.append(0x08)
            case UInt8(ascii: "f"): buffer.append(0x0C)
            case UInt8(ascii: "n"): buffer.append(0x0A)
            case UInt8(ascii: "r"): buffer.append(0x0D)
            case UInt8(ascii: "t"): buffer.append(0x09)
            case UInt8(ascii: "u"): appendScalar(try parseUnicodeEscape(), to: &buffer)
            default: throw error("invalid escape")
            }
        }
        throw error("unterminated string")
    }

    /// The string the bytes spell, or `nil` when they are not valid UTF-8.
    ///
    /// `String(decoding:)` takes the standard library's fast validating path but repairs what is
    /// invalid; the bytes were valid exactly when nothing was repaired, i.e. when the result's
    /// UTF-8 is the input again. (`String(validating:as:)` is generic and several times slower.)
    private static func string(validating utf8: UnsafeBufferPointer<UInt8>) -> String? {
        var string = String(decoding: utf8, as: UTF8.self)
        let unchanged = string.withUTF8 { decoded in
            guard decoded.count == utf8.count, let lhs = decoded.baseAddress, let rhs = utf8.baseAddress else {
                return decoded.count == utf8.count
            }
            return bytesEqual(lhs, rhs, count: utf8.count)
        }
        return unchanged ? string : nil
    }

    /// Whether `count` bytes at `lhs` and `rhs` are equal, compared eight at a time.
    private static func bytesEqual(_ lhs: UnsafePointer<UInt8>, _ rhs: UnsafePointer<UInt8>, count: Int) -> Bool {
        let left = UnsafeRawPointer(lhs)
        let right = UnsafeRawPointer(rhs)
        var offset = 0
        while offset + 8 <= count {
            guard
                left.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                    == right.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            else { return false }
            offset += 8
        }
        while offset < count {
            guard lhs[offset] == rhs[offset] else { return false }
            offset += 1
        }
        return true
    }

    private mutating func parseHex4() throws(JSONParseError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("truncated \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw error("invalid \\u escape")
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    private mutating func parseUnicodeEscape() throws(JSONParseError) -> Unicode.Scalar {
        let first = try parseHex4()
        if (0xD800...0xDBFF).contains(first) {
            guard index + 2 <= bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
            else { throw error("lone high surrogate") }
            index += 2
            let second = try parseHex4()
            guard (0xDC00...0xDFFF).contains(second) else { throw error("invalid low surrogate") }
            let combined = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            guard let scalar = Unicode.Scalar(combined) else { throw error("invalid surrogate pair") }
            return scalar
        }
        guard let scalar = Unicode.Scalar(first) else { throw error("lone low surrogate") }
        return scalar
    }

    /// An object key hashed and compared by UTF-8 code units, as ``JSONObject`` compares keys.
    struct CodeUnitKey: Hashable {
        let text: String

        init(_ text: String) { self.text = text }

        static func == (lhs: CodeUnitKey, rhs: CodeUnitKey) -> Bool { JSONObject.sameKey(lhs.text, rhs.text) }

        func hash(into hasher: inout Hasher) {
            var text = text
            text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }

    private func appendScalar(_ scalar: Unicode.Scalar, to buffer: inout [UInt8]) {
        UTF8.encode(scalar) { buffer.append($0) }
    }
}
