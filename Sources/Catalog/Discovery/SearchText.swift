/// Turns text into the terms the discovery ranking compares: words split at anything that is not
/// a letter or digit and at lower-to-upper case changes (`accountId` → `account`, `id`), lower
/// case, without stop words and bare numbers, abbreviations spelt out ("repo" → "repository"),
/// stemmed by ``WordStemmer``.
enum SearchText {
    /// Words that carry no meaning for choosing a tool.
    static let stopWords: Set<String> = [
        "a", "an", "the", "of", "to", "in", "on", "for", "with", "and", "or", "me", "my", "mine", "i", "we", "our",
        "us", "is", "are", "was", "were", "be", "been", "do", "does", "did", "what", "which", "who", "whose", "whom",
        "when", "where", "how", "why", "that", "this", "these", "those", "it", "its", "at", "by", "from", "as", "all",
        "any", "some", "please", "can", "could", "would", "should", "you", "your", "there", "have", "has", "had",
        "about", "up", "so", "than", "then", "into", "out", "just", "only", "also", "not", "no", "if", "else", "but",
        "e", "g", "eg", "ie", "etc", "s", "t", "one", "use", "using", "used", "them", "they", "their", "he", "she",
        "his", "her", "him", "let", "whether", "each", "every", "via",
    ]

    /// The terms of `text`, in order, duplicates kept.
    static func terms(_ text: String) -> [String] {
        var result: [String] = []
        for word in words(text) {
            guard !stopWords.contains(word), !word.allSatisfy(\.isNumber) else { continue }
            for full in SearchVocabulary.abbreviations[word] ?? [word] { result.append(WordStemmer.stem(full)) }
        }
        return result
    }

    /// The lower-case words of `text`, split at non-alphanumerics and at case changes.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previousWasLower = false
        for character in text {
            guard character.isLetter || character.isNumber else {
                if !current.isEmpty { words.append(current) }
                current = ""
                previousWasLower = false
                continue
            }
            if character.isUppercase, previousWasLower, !current.isEmpty {
                words.append(current)
                current = ""
            }
            previousWasLower = character.isLowercase || character.isNumber
            current += character.lowercased()
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}
