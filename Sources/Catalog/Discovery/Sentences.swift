/// The sentences of a tool description: the first is the `summary` that `search_tools` returns,
/// the rest are weighed by ``OwnDescription``.
enum Sentences {
    /// Abbreviations whose full stop does not end a sentence.
    private static let abbreviations: Set<String> = ["e.g", "i.e", "etc", "vs", "approx", "no", "incl"]

    /// The text up to and including the first full stop (or `!`, `?`) followed by a space and a
    /// capital letter or the end; the whole text, trimmed, when there is none.
    static func first(of text: String) -> String {
        split(text).first ?? ""
    }

    /// The sentences of `text`, trimmed, in order: each ends at a full stop (or `!`, `?`) followed
    /// by a space and a capital letter, or at the end of the text. Empty for blank text.
    static func split(_ text: String) -> [String] {
        let characters = Array(text)
        var sentences: [String] = []
        var start = 0
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "." || character == "!" || character == "?" {
                let next = index + 1
                let startsSentence =
                    next + 1 < characters.count && characters[next] == " " && characters[next + 1].isUppercase
                if startsSentence && !followsAbbreviation(characters, at: index) {
                    sentences.append(trimmed(String(characters[start...index])))
                    start = next
                }
            }
            index += 1
        }
        if start < characters.count { sentences.append(trimmed(String(characters[start...]))) }
        return sentences.filter { !$0.isEmpty }
    }

    /// Whether the full stop at `index` ends an abbreviation such as "e.g".
    private static func followsAbbreviation(_ characters: [Character], at index: Int) -> Bool {
        var start = index
        while start > 0, characters[start - 1] != " " { start -= 1 }
        return abbreviations.contains(String(characters[start..<index]).lowercased())
    }

    /// `text` without leading and trailing white space.
    private static func trimmed(_ text: String) -> String {
        String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
