import JSON

/// Reads the members of one JSON object of an integration file, reporting wrong types and
/// unknown keys as diagnostics instead of stopping at the first problem.
struct FieldReader {
    let object: JSONObject
    let pointer: JSONPointer
    let sink: DiagnosticSink

    init?(_ value: JSONValue?, at pointer: JSONPointer, sink: DiagnosticSink, what: String) {
        guard let value else { return nil }
        guard case .object(let object) = value else {
            sink.error(at: pointer, "\(what) must be an object, not \(value.typeName)")
            return nil
        }
        self.object = object
        self.pointer = pointer
        self.sink = sink
    }

    func at(_ key: String) -> JSONPointer { pointer.appending(key) }

    func has(_ key: String) -> Bool { object[key] != nil }

    func string(_ key: String, required: Bool = false) -> String? {
        guard let value = object[key] else {
            if required { sink.error(at: at(key), "'\(key)' is required") }
            return nil
        }
        guard case .string(let text) = value else {
            sink.error(at: at(key), "'\(key)' must be a string, not \(value.typeName)")
            return nil
        }
        return text
    }

    func int(_ key: String, minimum: Int = Int.min, required: Bool = false) -> Int? {
        guard let value = object[key] else {
            if required { sink.error(at: at(key), "'\(key)' is required") }
            return nil
        }
        guard case .int(let number) = value, let int = Int(exactly: number) else {
            sink.error(at: at(key), "'\(key)' must be an integer, not \(value.typeName)")
            return nil
        }
        guard int >= minimum else {
            sink.error(at: at(key), "'\(key)' must be at least \(minimum)")
            return nil
        }
        return int
    }

    func number(_ key: String) -> Double? {
        guard let value = object[key] else { return nil }
        guard let number = value.doubleValue, number > 0 else {
            sink.error(at: at(key), "'\(key)' must be a positive number")
            return nil
        }
        return number
    }

    func bool(_ key: String) -> Bool? {
        guard let value = object[key] else { return nil }
        guard case .bool(let flag) = value else {
            sink.error(at: at(key), "'\(key)' must be true or false, not \(value.typeName)")
            return nil
        }
        return flag
    }

    func jsonPointer(_ key: String, required: Bool = false) -> JSONPointer? {
        guard let text = string(key, required: required) else { return nil }
        guard let parsed = JSONPointer(text) else {
            sink.error(at: at(key), "'\(text)' is not a JSON Pointer (empty, or starting with '/')")
            return nil
        }
        return parsed
    }

    func strings(_ key: String) -> [String]? {
        guard let value = object[key] else { return nil }
        guard case .array(let elements) = value else {
            sink.error(at: at(key), "'\(key)' must be an array of strings")
            return nil
        }
        var result: [String] = []
        for (index, element) in elements.enumerated() {
            guard case .string(let text) = element else {
                sink.error(at: at(key).appending(index), "must be a string, not \(element.typeName)")
                continue
            }
            result.append(text)
        }
        return result
    }

    func reader(_ key: String, what: String) -> FieldReader? {
        FieldReader(object[key], at: at(key), sink: sink, what: what)
    }

    /// A string-to-string object such as `headers` or `query`.
    func stringPairs(_ key: String) -> [(name: String, value: String)] {
        guard let nested = reader(key, what: "'\(key)'") else { return [] }
        var pairs: [(name: String, value: String)] = []
        for member in nested.object {
            switch member.value {
            case .string(let text): pairs.append((member.key, text))
            case .int, .double, .number, .bool: pairs.append((member.key, member.value.plainText))
            default: sink.error(at: nested.at(member.key), "must be a string, not \(member.value.typeName)")
            }
        }
        return pairs
    }

    /// Reports every key not in `allowed` (keys starting with `$` or `x-` are always allowed).
    func rejectUnknownKeys(_ allowed: Set<String>, what: String) {
        for key in object.keys where !allowed.contains(key) && !key.hasPrefix("$") && !key.hasPrefix("x-") {
            sink.error(at: at(key), "unknown key '\(key)' in \(what)\(Self.suggestion(for: key, in: allowed))")
        }
    }

    /// ` (did you mean 'KEY'?)` naming the closest allowed key, or nothing when none is close.
    static func suggestion(for key: String, in allowed: Set<String>) -> String {
        closest(to: key, in: allowed).map { " (did you mean '\($0)'?)" } ?? ""
    }

    private static func closest(to key: String, in candidates: Set<String>) -> String? {
        let scored = candidates.map { ($0, editDistance(key, $0)) }.filter { $0.1 <= 3 }
        return scored.min { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }?.0
    }

    private static func editDistance(_ lhs: String, _ rhs: String) -> Int {
        let left = Array(lhs.utf8)
        let right = Array(rhs.utf8)
        var previous = Array(0...right.count)
        for (i, leftByte) in left.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: right.count)
            for (j, rightByte) in right.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (leftByte == rightByte ? 0 : 1))
            }
            previous = current
        }
        return previous[right.count]
    }
}
