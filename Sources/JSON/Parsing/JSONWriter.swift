import FoundationEssentials

/// Writes ``JSONValue``s as compact JSON text (no insignificant whitespace).
///
/// Strings are escaped minimally (quote, backslash, control characters); non-ASCII is written as
/// UTF-8. Non-finite doubles, which JSON cannot say, are written as `null`.
package struct JSONWriter: Sendable {
    /// Whether object members are written sorted by key (canonical form) instead of in their order.
    package var sortedKeys: Bool
    /// The bytes written so far.
    package private(set) var bytes: [UInt8] = []

    /// Creates a writer.
    package init(sortedKeys: Bool = false, reserving capacity: Int = 256) {
        self.sortedKeys = sortedKeys
        bytes.reserveCapacity(capacity)
    }

    /// Appends one value.
    package mutating func write(_ value: JSONValue) {
        switch value {
        case .null: appendASCII("null")
        case .bool(let flag): appendASCII(flag ? "true" : "false")
        case .int(let number): writeInteger(number)
        case .double(let number): writeDouble(number)
        case .number(let text): bytes.append(contentsOf: text.utf8)
        case .string(let string): writeString(string)
        case .array(let elements):
            bytes.append(UInt8(ascii: "["))
            for (offset, element) in elements.enumerated() {
                if offset > 0 { bytes.append(UInt8(ascii: ",")) }
                write(element)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let object):
            bytes.append(UInt8(ascii: "{"))
            let members =
                sortedKeys
                ? object.members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) } : object.members
            for (offset, member) in members.enumerated() {
                if offset > 0 { bytes.append(UInt8(ascii: ",")) }
                writeString(member.key)
                bytes.append(UInt8(ascii: ":"))
                write(member.value)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    /// Appends raw bytes that are already valid JSON (used to splice pre-encoded fragments).
    package mutating func writeRaw(_ fragment: some Sequence<UInt8>) {
        bytes.append(contentsOf: fragment)
    }

    /// Removes the last `count` bytes written, keeping the capacity.
    mutating func removeLast(_ count: Int) {
        bytes.removeLast(count)
    }

    /// Appends a string literal with JSON escaping.
    package mutating func writeString(_ string: String) {
        var string = string
        string.withUTF8 { writeEscaped($0) }
    }

    /// Appends UTF-8 text as a JSON string. A first pass counts the escapes; text needing none is
    /// copied whole, otherwise the exact room is made once and filled through a pointer, so long
    /// texts full of quotes (JSON in a text block) cost two linear passes and no per-byte growth.
    private mutating func writeEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        guard let source = utf8.baseAddress else {
            appendASCII("\"\"")
            return
        }
        var extra = 0
        var next = Self.nextEscape(in: source, from: 0, count: utf8.count)
        while next < utf8.count {
            extra += Self.shortEscape(source[next]) != nil ? 1 : 5
            next = Self.nextEscape(in: source, from: next + 1, count: utf8.count)
        }
        guard extra > 0 else {
            bytes.append(UInt8(ascii: "\""))
            bytes.append(contentsOf: utf8)
            bytes.append(UInt8(ascii: "\""))
            return
        }
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: utf8.count + extra + 2))
        bytes.withUnsafeMutableBufferPointer { output in
            guard let base = output.baseAddress else { return }
            var out = start
            base[out] = UInt8(ascii: "\"")
            out += 1
            var runStart = 0
            var position = Self.nextEscape(in: source, from: 0, count: utf8.count)
            while position < utf8.count {
                defer { position = Self.nextEscape(in: source, from: position + 1, count: utf8.count) }
                let byte = source[position]
                let run = position - runStart
                if run > 0 {
                    (base + out).update(from: source + runStart, count: run)
                    out += run
                }
                runStart = position + 1
                base[out] = 0x5C
                out += 1
                if let letter = Self.shortEscape(byte) {
                    base[out] = letter
                    out += 1
                } else {
                    base[out] = UInt8(ascii: "u")
                    base[out + 1] = 0x30
                    base[out + 2] = 0x30
                    base[out + 3] = Self.hexDigit(byte >> 4)
                    base[out + 4] = Self.hexDigit(byte & 0xF)
                    out += 5
                }
            }
            let run = utf8.count - runStart
            if run > 0 {
                (base + out).update(from: source + runStart, count: run)
                out += run
            }
            base[out] = UInt8(ascii: "\"")
        }
    }

    @inline(__always)
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x22 || byte == 0x5C
    }

    /// The index of the first byte at or after `start` that must be escaped, or `count`. Eight
    /// bytes are tested at a time (a zero-byte test on the word and on its XOR with `"` and `\`,
    /// and a below-0x20 test), which skips the long plain runs of ordinary text quickly.
    @inline(__always)
    private static func nextEscape(in source: UnsafePointer<UInt8>, from start: Int, count: Int) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var index = start
        let raw = UnsafeRawPointer(source)
        while index + 8 <= count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            let quotes = word ^ (ones &* 0x22)
            let backslashes = word ^ (ones &* 0x5C)
            let control = (word &- ones &* 0x20) & ~word
            let hits = ((quotes &- ones) & ~quotes) | ((backslashes &- ones) & ~backslashes) | control
            if hits & highs != 0 { break }
            index += 8
        }
        while index < count, !needsEscape(source[index]) { index += 1 }
        return index
    }

    /// The character after the backslash when `byte` (one that needs escaping) has a two-byte
    /// escape; `nil` when it is written as `\u00XX`.
    @inline(__always)
    private static func shortEscape(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x22, 0x5C: byte
        case 0x0A: UInt8(ascii: "n")
        case 0x0D: UInt8(ascii: "r")
        case 0x09: UInt8(ascii: "t")
        case 0x08: UInt8(ascii: "b")
        case 0x0C: UInt8(ascii: "f")
        default: nil
        }
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }

    /// Appends an integer's decimal digits without building a `String` first.
    private mutating func writeInteger(_ number: Int64) {
        if number >= 0, number < 10 {
            bytes.append(UInt8(ascii: "0") + UInt8(number))
            return
        }
        if number < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = number.magnitude
        // 20 digits hold any UInt64; Int64.min's magnitude has 19.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var position = digits.count
            repeat {
                position -= 1
                digits[position] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[position...]))
        }
    }

    private mutating func writeDouble(_ number: Double) {
        guard number.isFinite else {
            appendASCII("null")
            return
        }
        if number.rounded() == number, abs(number) < 1e15 {
            // Int64 has no negative zero; write the sign so -0.0 reads back as -0.0.
            if number == 0, number.sign == .minus { bytes.append(UInt8(ascii: "-")) }
            writeInteger(Int64(number))
            appendASCII(".0")
            return
        }
        bytes.append(contentsOf: number.description.utf8)
    }

    private mutating func appendASCII(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }
}
