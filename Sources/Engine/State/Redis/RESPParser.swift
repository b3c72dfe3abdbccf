/// Reads RESP2 replies from bytes received so far, defensively: a reply is either complete, not
/// complete yet (read more), or malformed — never a crash, never unbounded work or memory, whatever
/// the bytes (a truncated reply, garbage, a hostile server).
///
/// Work is linear in the bytes given; nesting, element counts, line and bulk lengths are capped.
package struct RESPParser: Sendable {
    /// The outcome of one attempt to read a reply.
    package enum Outcome: Sendable, Equatable {
        /// A whole reply and how many bytes it took.
        case complete(RESPValue, consumed: Int)
        /// The bytes are the start of a reply; more are needed.
        case incomplete
    }

    /// Why bytes cannot be a reply.
    package struct Malformed: Error, Sendable, Equatable {
        /// What was wrong.
        package var reason: String
    }

    /// The deepest nesting of arrays accepted.
    package var maximumDepth = 8
    /// The longest bulk string accepted, in bytes.
    package var maximumBulkLength = 16 << 20
    /// The most elements one array may announce.
    package var maximumElements = 1 << 20
    /// The longest header or status line accepted, in bytes.
    package var maximumLineLength = 64 << 10

    /// Creates a parser with the default limits.
    package init() {}

    /// Reads the first reply in `bytes`.
    package func parse(_ bytes: [UInt8]) throws(Malformed) -> Outcome {
        var index = 0
        guard let value = try value(in: bytes, at: &index, depth: 0) else { return .incomplete }
        return .complete(value, consumed: index)
    }

    private func value(in bytes: [UInt8], at index: inout Int, depth: Int) throws(Malformed) -> RESPValue? {
        guard index < bytes.count else { return nil }
        let kind = bytes[index]
        var cursor = index + 1
        guard let line = try line(in: bytes, at: &cursor) else { return nil }
        switch kind {
        case UInt8(ascii: "+"):
            index = cursor
            return .simple(String(decoding: line, as: UTF8.self))
        case UInt8(ascii: "-"):
            index = cursor
            return .error(String(decoding: line, as: UTF8.self))
        case UInt8(ascii: ":"):
            index = cursor
            return .integer(try number(line))
        case UInt8(ascii: "$"):
            let length = try number(line)
            if length == -1 {
                index = cursor
                return .bulk(nil)
            }
            guard length >= 0, length <= maximumBulkLength else { throw Malformed(reason: "bulk length \(length)") }
            let end = cursor + Int(length)
            guard end + 2 <= bytes.count else { return nil }
            guard bytes[end] == 13, bytes[end + 1] == 10 else { throw Malformed(reason: "bulk string not ended") }
            index = end + 2
            return .bulk(Array(bytes[cursor..<end]))
        case UInt8(ascii: "*"):
            let count = try number(line)
            if count == -1 {
                index = cursor
                return .array(nil)
            }
            guard count >= 0, count <= maximumElements else { throw Malformed(reason: "array length \(count)") }
            guard depth < maximumDepth else { throw Malformed(reason: "arrays nested too deep") }
            var elements: [RESPValue] = []
            for _ in 0..<count {
                // Every element takes at least three bytes: a count beyond what arrived is incomplete.
                guard cursor < bytes.count else { return nil }
                guard let element = try value(in: bytes, at: &cursor, depth: depth + 1) else { return nil }
                elements.append(element)
            }
            index = cursor
            return .array(elements)
        default:
            throw Malformed(reason: "unknown reply type byte \(kind)")
        }
    }

    /// The bytes up to the next CRLF (advancing past it), `nil` when no CRLF arrived yet.
    private func line(in bytes: [UInt8], at index: inout Int) throws(Malformed) -> ArraySlice<UInt8>? {
        var cursor = index
        while cursor < bytes.count {
            if bytes[cursor] == 13 {
                guard cursor + 1 < bytes.count else { return nil }
                guard bytes[cursor + 1] == 10 else { throw Malformed(reason: "CR without LF") }
                let line = bytes[index..<cursor]
                index = cursor + 2
                return line
            }
            if bytes[cursor] == 10 { throw Malformed(reason: "LF without CR") }
            cursor += 1
            if cursor - index > maximumLineLength { throw Malformed(reason: "line too long") }
        }
        return nil
    }

    private func number(_ line: ArraySlice<UInt8>) throws(Malformed) -> Int64 {
        guard line.count <= 20, let value = Int64(String(decoding: line, as: UTF8.self)) else {
            throw Malformed(reason: "not a number")
        }
        return value
    }
}
