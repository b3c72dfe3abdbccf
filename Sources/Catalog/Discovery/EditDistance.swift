/// The Levenshtein distance between two strings, for suggesting the tool a mistyped name meant.
enum EditDistance {
    /// The number of single-character insertions, deletions and substitutions turning `lhs` into
    /// `rhs`; any value above `limit` is reported as `limit + 1` (the work stops early).
    static func between(_ lhs: String, _ rhs: String, atMost limit: Int) -> Int {
        let source = Array(lhs.utf8)
        let target = Array(rhs.utf8)
        if abs(source.count - target.count) > limit { return limit + 1 }
        var previous = Array(0...target.count)
        var current = [Int](repeating: 0, count: target.count + 1)
        for row in 1...max(1, source.count) where !source.isEmpty {
            current[0] = row
            var best = row
            for column in 1...max(1, target.count) where !target.isEmpty {
                let substitution = previous[column - 1] + (source[row - 1] == target[column - 1] ? 0 : 1)
                current[column] = min(previous[column] + 1, current[column - 1] + 1, substitution)
                best = min(best, current[column])
            }
            if best > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return source.isEmpty ? target.count : previous[target.count]
    }
}
