/// A `search_tools` query read for ranking: its terms with their synonyms' weights, and whether
/// the user asked to read or to change something.
struct SearchQuery {
    /// Whether a request reads or changes something, from its first word.
    enum Intent: Equatable {
        /// A question ("what…", "who…") or a reading verb ("show", "find").
        case read
        /// A verb that changes something ("add", "close", "send").
        case write
    }

    /// The query's own terms, stemmed, in order.
    let terms: [String]
    /// Each term to look up and its weight: 1 for the query's own terms, less for synonyms.
    let weights: [String: Double]
    /// What the first word asks for; `nil` when it says neither ("run…", "share…").
    let intent: Intent?

    /// Reads `text`; `synonyms` gives each stem's synonyms' stems, reached at `synonymWeight`.
    init(_ text: String, synonyms: [String: Set<String>], synonymWeight: Double) {
        terms = SearchText.terms(text)
        var weights: [String: Double] = [:]
        for term in terms {
            weights[term] = 1
            for synonym in synonyms[term] ?? [] where weights[synonym, default: 0] < synonymWeight {
                weights[synonym] = synonymWeight
            }
        }
        self.weights = weights
        intent = Self.intent(of: SearchText.words(text))
    }

    /// The intent of the first word after courtesies ("please", "can you"…): English puts the
    /// verb of a request first and starts a question with its question word.
    static func intent(of words: [String]) -> Intent? {
        guard let first = words.first(where: { !SearchVocabulary.courtesies.contains($0) }) else { return nil }
        if SearchVocabulary.questionWords.contains(first) { return .read }
        let stem = WordStemmer.stem(first)
        if SearchVocabulary.readVerbs.contains(stem) { return .read }
        if SearchVocabulary.writeVerbs.contains(stem) { return .write }
        return nil
    }
}
