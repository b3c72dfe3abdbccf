import JSON

/// Follows local `$ref`s (`#/components/...`) inside one document, safely.
///
/// A chain of references that loops (`A → B → A`) or is longer than ``maximumChain`` stops with
/// ``Outcome/cycle``; a reference to another file or URL is never fetched (``Outcome/remote``).
/// Cycles through nested schemas (a schema whose property refers to itself) are the translator's
/// to cut, with the stack of references it is inside.
struct RefResolver {
    /// What following a value's references led to.
    enum Outcome {
        /// A value that is not a reference, where it was found, and the references followed to it.
        case value(JSONValue, pointer: JSONPointer, refs: [String])
        /// A reference to another document, not followed.
        case remote(String)
        /// A local reference that names nothing in the document.
        case missing(String)
        /// A chain of references that loops or never ends.
        case cycle(String)
    }

    /// The longest chain of references followed from one value.
    static let maximumChain = 32

    /// The whole document references point into.
    let root: JSONValue

    /// Follows `value`'s `$ref` (and the references it leads to) until a value without one.
    func resolve(_ value: JSONValue, at pointer: JSONPointer) -> Outcome {
        var current = value
        var location = pointer
        var followed: [String] = []
        while let reference = current["$ref"]?.stringValue {
            if followed.contains(reference) || followed.count >= Self.maximumChain { return .cycle(reference) }
            followed.append(reference)
            guard let target = Self.pointer(of: reference) else { return .remote(reference) }
            guard let next = root.value(at: target) else { return .missing(reference) }
            current = next
            location = target
        }
        return .value(current, pointer: location, refs: followed)
    }

    /// The JSON Pointer a local reference names (`#/a/b` → `/a/b`), or `nil` for any other reference.
    static func pointer(of reference: String) -> JSONPointer? {
        guard reference.hasPrefix("#") else { return nil }
        let fragment = String(reference.dropFirst())
        return JSONPointer(percentDecoded(fragment))
    }

    /// The fragment with `%XX` escapes decoded (a URI fragment may escape `{`, `}` and spaces).
    private static func percentDecoded(_ text: String) -> String {
        guard text.contains("%") else { return text }
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2,
                let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
