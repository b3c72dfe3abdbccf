/// A document whose one large array was read sparsely: only the elements a caller needs were
/// kept, so a 20 MB page of records costs the memory of the few items taken, not of all of them.
package struct SparseArrayDocument: Sendable {
    /// The document, with the array at the pointer replaced by an empty array when it was read
    /// sparsely (every other member as parsed).
    package var body: JSONValue
    /// How many elements the array holds, or `nil` when there is no array at the pointer (then
    /// ``body`` holds whatever is there, parsed in full).
    package var count: Int?
    /// The index of the first element in ``elements``.
    package var start: Int
    /// The kept elements: those of the requested range that exist, in order.
    package var elements: [JSONValue]
    /// The array's last element, kept whatever the range (cursor styles read it).
    package var last: JSONValue?

    /// Creates a document.
    package init(body: JSONValue, count: Int?, start: Int, elements: [JSONValue], last: JSONValue?) {
        self.body = body
        self.count = count
        self.start = start
        self.elements = elements
        self.last = last
    }
}

extension JSONParser {
    /// Parses `data` like ``parse(_:)-(some Collection<UInt8>)``, but keeps of the array at
    /// `pointer` only the elements in `range` and the last one. Every element is still checked
    /// (the text must be valid JSON throughout); the others are dropped as soon as they are read.
    package static func parse(
        _ data: some Collection<UInt8>, keepingElements range: Range<Int>, ofArrayAt pointer: JSONPointer
    ) throws(JSONParseError) -> SparseArrayDocument {
        let run = { (buffer: UnsafeBufferPointer<UInt8>) -> Result<SparseArrayDocument, JSONParseError> in
            var parser = JSONParser(bytes: buffer)
            var sparse = SparseReading(target: pointer.tokens, range: range)
            do throws(JSONParseError) {
                parser.skipWhitespace()
                let body = try parser.parseValue(along: &sparse, matched: 0)
                parser.skipWhitespace()
                guard parser.index == buffer.count else { throw parser.error("unexpected trailing data") }
                return .success(
                    SparseArrayDocument(
                        body: body, count: sparse.count, start: range.lowerBound, elements: sparse.elements,
                        last: sparse.last))
            } catch {
                return .failure(error)
            }
        }
        if let result = data.withContiguousStorageIfAvailable(run) { return try result.get() }
        let copy = Array(data)
        return try copy.withUnsafeBufferPointer(run).get()
    }

    /// A value on the way to (or at) the sparse array: containers on the path are walked with
    /// ``SparseReading``; everything off the path is parsed as usual.
    private mutating func parseValue(along sparse: inout SparseReading, matched: Int) throws(JSONParseError)
        -> JSONValue
    {
        guard index < bytes.count else { throw error("unexpected end of input") }
        switch bytes[index] {
        case UInt8(ascii: "{") where matched < sparse.target.count:
            return try parseObject(along: &sparse, matched: matched)
        case UInt8(ascii: "[") where matched < sparse.target.count:
            return try parseArray(along: &sparse, matched: matched)
        case UInt8(ascii: "[") where matched == sparse.target.count && sparse.count == nil:
            try parseSparseArray(&sparse)
            return .array([])
        default:
            return try parseValueOffPath()
        }
    }

    private mutating func parseObject(along sparse: inout SparseReading, matched: Int) throws(JSONParseError)
        -> JSONValue
    {
        try parseMembers { parser, key throws(JSONParseError) in
            key == sparse.target[matched]
                ? try parser.parseValue(along: &sparse, matched: matched + 1) : try parser.parseValueOffPath()
        }
    }

    private mutating func parseArray(along sparse: inout SparseReading, matched: Int) throws(JSONParseError)
        -> JSONValue
    {
        var elements: [JSONValue] = []
        try forEachElement { parser throws(JSONParseError) in
            if sparse.target[matched] == String(elements.count) {
                elements.append(try parser.parseValue(along: &sparse, matched: matched + 1))
            } else {
                elements.append(try parser.parseValueOffPath())
            }
        }
        return .array(elements)
    }

    private mutating func parseSparseArray(_ sparse: inout SparseReading) throws(JSONParseError) {
        var count = 0
        try forEachElement { parser throws(JSONParseError) in
            let element = try parser.parseValueOffPath()
            if sparse.range.contains(count) { sparse.elements.append(element) }
            sparse.last = element
            count += 1
        }
        sparse.count = count
    }
}

/// What a sparse parse is looking for and what it kept.
private struct SparseReading {
    let target: [String]
    let range: Range<Int>
    var count: Int?
    var elements: [JSONValue] = []
    var last: JSONValue?
}
