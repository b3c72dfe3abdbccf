/// The shape of an OpenAPI path — its literal segments and `{parameters}` — and what it suggests:
/// the operation's kind, the resource it acts on and the name of the operation.
///
/// `GET /repos/{owner}/{repo}/issues` lists issues; `GET …/issues/{issue_number}` gets one;
/// `POST …/issues` creates one; `POST /v1/refunds/{refund}/cancel` is the action `cancel` on
/// refunds; `PUT`/`PATCH` update, `DELETE` deletes; a `POST …/search` searches.
struct PathShape {
    /// One segment of a path.
    enum Segment: Equatable {
        /// A fixed word such as `issues`.
        case literal(String)
        /// A `{placeholder}`.
        case parameter(String)
    }

    /// The segments in order (empty for `/`).
    let segments: [Segment]

    /// The path with every placeholder written `{}`, for telling whether one path extends another.
    var skeleton: String {
        "/"
            + segments.map { segment in
                if case .literal(let text) = segment { return text }
                return "{}"
            }.joined(separator: "/")
    }

    /// Parses a path such as `/repos/{owner}/{repo}/issues`.
    init(_ path: String) {
        segments = path.split(separator: "/").map { segment in
            if segment.hasPrefix("{"), segment.hasSuffix("}"), segment.count > 2 {
                return .parameter(String(segment.dropFirst().dropLast()))
            }
            return .literal(String(segment))
        }
    }

    /// Whether the path ends with a `{placeholder}` (names one item).
    var endsWithParameter: Bool {
        if case .parameter? = segments.last { return true }
        return false
    }

    /// The literal segments that name things, version prefixes (`v1`, `api`) left out, normalized.
    var words: [String] {
        segments.compactMap { segment in
            guard case .literal(let text) = segment else { return nil }
            let word = Self.identifier(text)
            return Self.isPrefixWord(word) ? nil : word
        }
    }

    /// The last literal segment and whether a `{placeholder}` precedes it.
    private var trailingLiteral: (word: String, afterParameter: Bool)? {
        let trimmed = endsWithParameter ? Array(segments.dropLast()) : segments
        guard case .literal(let text)? = trimmed.last else { return nil }
        var afterParameter = false
        if trimmed.count >= 2, case .parameter = trimmed[trimmed.count - 2] { afterParameter = true }
        return (Self.identifier(text), afterParameter)
    }

    /// The kind, and the operation key, that a method on this path suggests.
    ///
    /// - Parameter looksLikeList: whether a `GET` on a collection path returns a list (an array,
    ///   or an object holding one), so `GET /user` is a `get`, not a `list`.
    /// - Parameter hasItems: whether the document also has this path followed by one `{placeholder}`
    ///   (so a `POST` here creates one of those items, whatever the word's number).
    /// - Parameter searches: whether the operation says it searches (its `operationId` does).
    func guess(method: String, looksLikeList: Bool, hasItems: Bool = false, searches: Bool = false)
        -> (kind: OperationKind, operation: String)
    {
        let last = trailingLiteral
        switch method {
        case "GET":
            if endsWithParameter { return (.get, "get") }
            if last?.word == "search" || words.dropLast().contains("search") { return (.list, "search") }
            return looksLikeList ? (.list, "list") : (.get, "get")
        case "POST":
            if let last, last.word == "search" || last.word == "query", !endsWithParameter {
                return (.search, "search")
            }
            if endsWithParameter { return (.update, "update") }
            if searches { return (.search, "search") }
            if let last, !hasItems, !Self.isPlural(last.word), last.afterParameter || segments.count > 1 {
                return (.action, last.word)
            }
            return (.create, "create")
        case "PUT", "PATCH":
            if let last, !endsWithParameter, last.afterParameter, !Self.isPlural(last.word) {
                return (.update, last.word)
            }
            return (.update, method == "PUT" ? "replace" : "update")
        case "DELETE":
            if let last, !endsWithParameter, last.afterParameter, !Self.isPlural(last.word) {
                return (.delete, "delete_" + last.word)
            }
            return (.delete, "delete")
        default:
            return (.action, method.lowercased())
        }
    }

    /// The resource an operation acts on: the last naming word, or the one before it when the last
    /// is the operation itself (`/refunds/{refund}/cancel` → `refunds`).
    func resource(operation: String) -> String {
        var words = self.words
        if let last = words.last, operation == last || operation == "delete_" + last, words.count > 1,
            !endsWithParameter
        {
            words.removeLast()
        }
        return words.last ?? "root"
    }

    /// The naming words up to the resource (`search` left out), which tell two resources of the
    /// same name apart: `gists/comments` is not `repos/issues/comments`.
    func identity(operation: String) -> String {
        var words = self.words.filter { $0 != "search" }
        if let last = words.last, operation == last || operation == "delete_" + last, words.count > 1,
            !endsWithParameter
        {
            words.removeLast()
        }
        return words.joined(separator: "/")
    }

    /// The naming word `levels` above the resource, singular (`repos` → `repo`), for telling apart
    /// two resources of the same name; `nil` when the path has no such word.
    func qualifier(operation: String, levels: Int) -> String? {
        var words = self.words
        if let last = words.last, operation == last || operation == "delete_" + last, words.count > 1,
            !endsWithParameter
        {
            words.removeLast()
        }
        let index = words.count - 1 - levels
        guard index >= 0 else { return nil }
        return Self.singular(words[index])
    }

    /// A snake_case identifier: `TestUsers` → `test_users`, `page[size]` → `page_size`, `@me` → `me`.
    static func identifier(_ text: String) -> String {
        var result = ""
        var previous: Character?
        for character in text {
            if character.isASCII, character.isLetter || character.isNumber {
                if character.isUppercase, let previous, previous.isLowercase || previous.isNumber {
                    result.append("_")
                }
                result += character.lowercased()
            } else if result.last != "_" {
                result.append("_")
            }
            previous = character
        }
        while result.hasSuffix("_") { result.removeLast() }
        while result.hasPrefix("_") { result.removeFirst() }
        return result
    }

    /// Whether a word looks like a plural noun (`issues`, `comments`), not a verb (`cancel`) or a
    /// mass noun ending in `ss`, `us` or `is` (`access`, `status`, `analysis`).
    static func isPlural(_ word: String) -> Bool {
        word.hasSuffix("s") && !word.hasSuffix("ss") && !word.hasSuffix("us") && !word.hasSuffix("is")
    }

    /// A naive singular: `entries` → `entry`, `issues` → `issue`, anything else unchanged.
    static func singular(_ word: String) -> String {
        if word.hasSuffix("ies"), word.count > 3 { return String(word.dropLast(3)) + "y" }
        if isPlural(word) { return String(word.dropLast()) }
        return word
    }

    private static func isPrefixWord(_ word: String) -> Bool {
        if word.isEmpty || word == "api" || word == "rest" { return true }
        guard word.hasPrefix("v"), word.count > 1 else { return false }
        return word.dropFirst().allSatisfy(\.isNumber)
    }
}
