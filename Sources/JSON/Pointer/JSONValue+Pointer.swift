extension JSONValue {
    /// The value the pointer names, or `nil` when any step is missing.
    package func value(at pointer: JSONPointer) -> JSONValue? {
        var current = self
        for token in pointer.tokens {
            switch current {
            case .object(let object):
                guard let next = object[token] else { return nil }
                current = next
            case .array(let array):
                guard let index = JSONPointer.arrayIndex(token), index < array.count else { return nil }
                current = array[index]
            default:
                return nil
            }
        }
        return current
    }

    /// Removes the value the pointer names; returns whether anything was removed. The root cannot be removed.
    @discardableResult
    package mutating func removeValue(at pointer: JSONPointer) -> Bool {
        guard let first = pointer.tokens.first else { return false }
        let rest = JSONPointer(tokens: Array(pointer.tokens.dropFirst()))
        switch self {
        case .object(var object):
            guard var child = object[first] else { return false }
            let removed: Bool
            if rest.isRoot {
                object.removeValue(forKey: first)
                removed = true
            } else {
                removed = child.removeValue(at: rest)
                object[first] = child
            }
            self = .object(object)
            return removed
        case .array(var array):
            guard let index = JSONPointer.arrayIndex(first), index < array.count else { return false }
            let removed: Bool
            if rest.isRoot {
                array.remove(at: index)
                removed = true
            } else {
                removed = array[index].removeValue(at: rest)
            }
            self = .array(array)
            return removed
        default:
            return false
        }
    }

    /// Sets the value the pointer names, creating objects for missing steps (`-` appends to an array).
    ///
    /// Returns `false`, changing nothing, when a step passes through a scalar or an index is out of range.
    @discardableResult
    package mutating func setValue(_ value: JSONValue, at pointer: JSONPointer) -> Bool {
        guard let first = pointer.tokens.first else {
            self = value
            return true
        }
        let rest = JSONPointer(tokens: Array(pointer.tokens.dropFirst()))
        switch self {
        case .null:
            var child = JSONValue.object(JSONObject())
            guard child.setValue(value, at: pointer) else { return false }
            self = child
            return true
        case .object(var object):
            var child = object[first] ?? .null
            guard child.setValue(value, at: rest) else { return false }
            object[first] = child
            self = .object(object)
            return true
        case .array(var array):
            if first == "-" {
                var child = JSONValue.null
                guard child.setValue(value, at: rest) else { return false }
                array.append(child)
            } else {
                guard let index = JSONPointer.arrayIndex(first), index < array.count else { return false }
                guard array[index].setValue(value, at: rest) else { return false }
            }
            self = .array(array)
            return true
        default:
            return false
        }
    }
}
