/// Turns the Markdown or HTML prose of an OpenAPI document into the short plain sentences a tool
/// description wants: links become their text, tags and emphasis go, admonitions (`> [!NOTE]`)
/// are dropped, whitespace collapses, and only the first sentences are kept.
enum DescriptionText {
    /// The most characters a tool description keeps.
    static let operationLimit = 400
    /// The most characters a parameter description keeps.
    static let parameterLimit = 240

    /// An operation's description: its summary as a sentence, then the first sentences of its
    /// description that do not repeat the summary, within ``operationLimit``.
    static func operation(summary: String?, description: String?) -> String {
        let summaryText = sentence(plain(summary ?? ""))
        let body = firstSentences(plain(leadingParagraphs(description ?? "")), count: 2, limit: operationLimit)
        guard !summaryText.isEmpty else { return body }
        var sentences = splitSentences(body)
        if let first = sentences.first, similar(first, summaryText) { sentences.removeFirst() }
        let combined = ([summaryText] + sentences.prefix(1)).joined(separator: " ")
        return firstSentences(combined, count: 2, limit: operationLimit)
    }

    /// A parameter's (or a schema's) description: its first two sentences.
    static func parameter(_ text: String?) -> String? {
        guard let text else { return nil }
        let result = firstSentences(plain(text), count: 2, limit: parameterLimit)
        return result.isEmpty ? nil : result
    }

    /// Plain text from Markdown/HTML prose, on one line.
    static func plain(_ text: String) -> String {
        var lines: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.hasPrefix("> [!") || trimmed.hasPrefix("```") { continue }
            lines.append(trimmed.hasPrefix(">") ? trimmed.dropFirst() : line)
        }
        var output = ""
        var characters = Substring(lines.joined(separator: " "))
        while let character = characters.first {
            if character == "<", let close = characters.firstIndex(of: ">"),
                characters.distance(from: characters.startIndex, to: close) < 200
            {
                output.append(" ")
                characters = characters[characters.index(after: close)...]
            } else if character == "[", let link = linkText(characters) {
                output += link.text
                characters = link.rest
            } else if characters.hasPrefix("**") || characters.hasPrefix("__") {
                characters = characters.dropFirst(2)
            } else {
                output.append(character)
                characters = characters.dropFirst()
            }
        }
        return collapse(
            output.replacingAll("&quot;", with: "\"").replacingAll("&#39;", with: "'").replacingAll("&amp;", with: "&"))
    }

    /// At most `count` sentences, cut to `limit` characters at a word boundary with `…` when needed.
    static func firstSentences(_ text: String, count: Int, limit: Int) -> String {
        var end = text.endIndex
        var seen = 0
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if character == "." || character == "!" || character == "?",
                next == text.endIndex || (text[next] == " " && startsSentence(text[text.index(after: next)...]))
            {
                seen += 1
                if seen == count {
                    end = next
                    break
                }
            }
            index = next
        }
        let result = String(text[..<end])
        guard result.count > limit else { return result }
        var cut = String(result.prefix(limit - 1))
        if let space = cut.lastIndex(of: " ") { cut = String(cut[..<space]) }
        while let last = cut.last, last == "," || last == ";" || last == ":" { cut.removeLast() }
        return cut + "…"
    }

    private static func startsSentence(_ rest: Substring) -> Bool {
        guard let first = rest.first else { return true }
        return first.isUppercase || first == "`" || first == "\"" || first.isNumber
    }

    private static func sentence(_ text: String) -> String {
        guard let last = text.last else { return text }
        return last == "." || last == "!" || last == "?" ? text : text + "."
    }

    /// Whether two sentences say much the same: most of the shorter one's words are in the other.
    private static func similar(_ lhs: String, _ rhs: String) -> Bool {
        func words(_ text: String) -> Set<String> {
            Set(
                text.lowercased().split { !$0.isLetter && !$0.isNumber }.map { word in
                    word.hasSuffix("s") ? String(word.dropLast()) : String(word)
                })
        }
        let left = words(lhs)
        let right = words(rhs)
        let shorter = left.count < right.count ? left : right
        guard !shorter.isEmpty else { return true }
        return Double(left.intersection(right).count) / Double(shorter.count) >= 0.6
    }

    /// The sentences of a text (as ``firstSentences(_:count:limit:)`` finds them).
    private static func splitSentences(_ text: String) -> [String] {
        var sentences: [String] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            let first = firstSentences(String(rest), count: 1, limit: Int.max)
            sentences.append(first)
            rest = rest.dropFirst(first.count).drop { $0 == " " }
        }
        return sentences
    }

    /// The paragraphs before the first note, quote, list or code block: the part that says what
    /// the operation does.
    private static func leadingParagraphs(_ text: String) -> String {
        var kept: [String] = []
        for paragraph in text.split(separator: "\n\n") {
            let start = paragraph.drop { $0 == " " || $0 == "\n" }
            let lower = start.lowercased()
            if start.hasPrefix(">") || start.hasPrefix("```") || start.hasPrefix("- ") || start.hasPrefix("* ")
                || start.hasPrefix("|") || lower.hasPrefix("**note") || lower.hasPrefix("note:")
                || lower.hasPrefix("_note") || start.hasPrefix("#")
            {
                break
            }
            kept.append(String(start))
        }
        return kept.joined(separator: "\n\n")
    }

    /// `[text](target)` at the start of `characters`: the text and what follows the link.
    private static func linkText(_ characters: Substring) -> (text: String, rest: Substring)? {
        guard let close = characters.firstIndex(of: "]") else { return nil }
        let after = characters.index(after: close)
        guard after < characters.endIndex, characters[after] == "(",
            let end = characters[after...].firstIndex(of: ")")
        else { return nil }
        let text = characters[characters.index(after: characters.startIndex)..<close]
        guard !text.contains("[") else { return nil }
        return (String(text), characters[characters.index(after: end)...])
    }

    private static func collapse(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        for character in text {
            if character == " " || character == "\t" || character == "\n" || character == "\r" {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace {
                    if !(character == "." || character == "," || character == ")") { result.append(" ") }
                    pendingSpace = false
                }
                result.append(character)
            }
        }
        return result
    }
}

extension String {
    /// The string with every occurrence of `target` replaced (FoundationEssentials has no
    /// `replacingOccurrences`).
    fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
        guard contains(target) else { return self }
        return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
