/// The first sentence of a tool description: the `summary` that `search_tools` returns.
enum FirstSentence {
    /// Abbreviations whose full stop does not end a sentence.
    private static let abbreviations: Set<String> = ["e.g", "i.e", "etc", "vs", "approx", "no", "incl"]

    /// The text up to and including the first full stop (or `!`, `?`) followed by a space and a
    /// capital letter or the end; the whole text, trimmed, when there is none.
    static func of(_ text: String) -> String {
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "." || character == "!" || character == "?" {
                let next = index + 1
                let endsText = next == characters.count
                let startsSentence =
                    next + 1 < characters.count && characters[next] == " " && characters[next + 1].isUppercase
                if endsText || (startsSentence && !followsAbbreviation(characters, at: index)) {
                    return trimmed(String(characters[0...index]))
                }
            }
            index += 1
        }
        return trimmed(text)
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
