/// An RFC 6901 JSON Pointer such as `/errors/0/message`; the empty pointer names the whole document.
package struct JSONPointer: Sendable, Hashable, CustomStringConvertible {
    /// The unescaped reference tokens, outermost first.
    package var tokens: [String]

    /// The pointer to the whole document.
    package static let root = JSONPointer(tokens: [])

    /// Creates a pointer from unescaped tokens.
    package init(tokens: [String]) {
        self.tokens = tokens
    }

    /// Parses the textual form; it must be empty or start with `/`, and `~` may only be followed by `0` or `1`.
    package init?(_ text: String) {
        if text.isEmpty {
            tokens = []
            return
        }
        guard text.utf8.first == UInt8(ascii: "/") else { return nil }
        var parsed: [String] = []
        // `/` and `~` are ASCII, and UTF-8 never uses an ASCII byte inside a multi-byte sequence, so
        // splitting and unescaping bytes is the same as doing it scalar by scalar.
        for raw in text.utf8.dropFirst().split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false) {
            guard raw.contains(UInt8(ascii: "~")) else {
                parsed.append(String(decoding: raw, as: UTF8.self))
                continue
            }
            var token: [UInt8] = []
            token.reserveCapacity(raw.count)
            var iterator = raw.makeIterator()
            while let byte = iterator.next() {
                guard byte == UInt8(ascii: "~") else {
                    token.append(byte)
                    continue
                }
                switch iterator.next() {
                case UInt8(ascii: "0"): token.append(UInt8(ascii: "~"))
                case UInt8(ascii: "1"): token.append(UInt8(ascii: "/"))
                default: return nil
                }
            }
            parsed.append(String(decoding: token, as: UTF8.self))
        }
        tokens = parsed
    }

    /// The textual form, with `~` and `/` escaped.
    package var description: String {
        var text = String.UnicodeScalarView()
        for token in tokens {
            text.append("/")
            for scalar in token.unicodeScalars {
                switch scalar {
                case "~": text.append(contentsOf: "~0".unicodeScalars)
                case "/": text.append(contentsOf: "~1".unicodeScalars)
                default: text.append(scalar)
                }
            }
        }
        return String(text)
    }

    /// This pointer extended by one token.
    package func appending(_ token: String) -> JSONPointer {
        JSONPointer(tokens: tokens + [token])
    }

    /// This pointer extended by an array index.
    package func appending(_ index: Int) -> JSONPointer {
        appending(String(index))
    }

    /// Whether this is the pointer to the whole document.
    package var isRoot: Bool { tokens.isEmpty }
}

extension JSONPointer {
    /// Parses an array-index token: digits only, no leading zero (except `0` itself).
    static func arrayIndex(_ token: String) -> Int? {
        guard !token.isEmpty, token.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        if token.count > 1, token.hasPrefix("0") { return nil }
        return Int(token)
    }
}
