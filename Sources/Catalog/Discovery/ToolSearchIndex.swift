import CSystemShims

/// A BM25F index over a catalogue's tools: the `search_tools` ranking of progressive discovery.
///
/// Each tool is a document of weighted fields — its name split into words with its resource and
/// operation, its integration's name and title, the verbs of its kind, its tags, its description
/// (without its clauses about other tools: ``OwnDescription``), its resource's description (the
/// vendor's own synonyms), its integration's description, and its parameters' names, descriptions
/// and enum values. Terms are stemmed (``WordStemmer``) and abbreviations spelt out; query words
/// also reach their ``SearchVocabulary`` synonyms at a lower weight. Three signals then adjust the
/// BM25F score (``SearchQuery``): a query naming every word of a tool's resource adds to it; a
/// query naming an integration lowers the other integrations' tools; a query whose first word
/// asks to read (a question, "show") or to change ("add", "close") lowers the tools of the other
/// side. No model, no embedding: the same catalogue and query always give the same order, ties
/// broken by name.
///
/// Immutable and `Sendable`: a reload builds a new index.
package struct ToolSearchIndex: Sendable {
    /// One field of a tool's document: its weight and how strongly its length is normalised.
    struct Field {
        let weight: Double
        let lengthNormalization: Double
    }

    /// The fields, in the order ``documentFields(of:in:toolNames:)`` returns their text.
    static let fields: [Field] = [
        Field(weight: 3.0, lengthNormalization: 0.3),  // name, resource, operation
        Field(weight: 2.0, lengthNormalization: 0.0),  // integration name and title
        Field(weight: 1.0, lengthNormalization: 0.0),  // kind verbs
        Field(weight: 2.0, lengthNormalization: 0.3),  // tags
        Field(weight: 1.0, lengthNormalization: 0.75),  // description
        Field(weight: 1.0, lengthNormalization: 0.5),  // resource description
        Field(weight: 0.4, lengthNormalization: 0.5),  // integration description
        Field(weight: 0.4, lengthNormalization: 0.75),  // parameters
    ]

    /// BM25's term-frequency saturation.
    static let k1 = 1.2
    /// The weight of a synonym next to a word the query used itself.
    static let synonymWeight = 0.4
    /// What naming a tool's whole resource adds, per resource term, in units of the term's IDF.
    static let resourceBonus = 0.5
    /// The factor on a tool of an integration the query does not name, when it names one.
    static let otherIntegrationFactor = 0.5
    /// The factor on a tool that reads when the query asks to change something, or the reverse.
    static let otherIntentFactor = 0.7

    /// One indexed tool.
    struct Entry: Sendable {
        let name: String
        let integration: String
        let kind: OperationKind
        let tags: [String]
        let summary: String
        let tokens: Int
    }

    private let entries: [Entry]
    /// For each term, the tools containing it and the term's saturated BM25F weight in each.
    private let postings: [String: [(tool: Int, weight: Double)]]
    /// Each term's inverse document frequency.
    private let inverseFrequency: [String: Double]
    /// For each stem, the stems of its synonyms.
    private let synonyms: [String: Set<String>]
    /// Whether each tool only reads.
    private let reads: [Bool]
    /// Each tool's integration, as a position in the sorted integration names.
    private let integrationOf: [Int]
    /// The terms of integration names and titles that name one integration only, and its position.
    private let integrationNames: [String: Int]
    /// For each term of a resource name (`deal_fields` → `deal`, `field`), the tools of that resource.
    private let resourceTools: [String: [Int]]
    /// Each tool's count of resource-name terms, and the sum of their IDFs.
    private let resourceTerms: [(count: Int, weight: Double)]

    /// Indexes every tool of `catalog`; `cost` gives a tool's definition cost in tokens.
    package init(catalog: Catalog, cost: (Tool) -> Int) {
        // Filtered-out tools too: a clause about a tool hidden by --read-only is still not about this one.
        let toolNames = Set(
            catalog.tools.map(\.name) + catalog.integrations.values.flatMap { $0.operations.map(\.toolName) })
        var entries: [Entry] = []
        var fieldTerms: [[[String]]] = []
        for tool in catalog.tools {
            entries.append(
                Entry(
                    name: tool.name, integration: tool.integration, kind: tool.kind, tags: tool.tags,
                    summary: Sentences.first(of: tool.operation.description), tokens: cost(tool)))
            let integration = catalog.integrations[tool.integration]
            fieldTerms.append(Self.documentFields(of: tool, in: integration, toolNames: toolNames))
        }
        self.entries = entries
        (postings, inverseFrequency) = Self.weigh(fieldTerms)
        synonyms = Self.synonymTable()
        reads = entries.map(\.kind.isRead)
        let integrations = catalog.integrations.keys.sorted()
        let positions = Dictionary(uniqueKeysWithValues: integrations.enumerated().map { ($1, $0) })
        integrationOf = entries.map { positions[$0.integration] ?? -1 }
        // A word of an integration's name or title names it when no other integration's tools
        // use the word ("Microsoft" does, "CRM" does not: Pipedrive's tools say it too).
        var names: [String: Int] = [:]
        for (position, name) in integrations.enumerated() {
            let title = catalog.integrations[name]?.title ?? ""
            for term in SearchText.terms(name + " " + title)
            where postings[term]?.allSatisfy({ entries[$0.tool].integration == name }) ?? false {
                names[term] = position
            }
        }
        integrationNames = names
        let idf = inverseFrequency
        var resourceTools: [String: [Int]] = [:]
        var resourceTerms: [(count: Int, weight: Double)] = []
        for (position, tool) in catalog.tools.enumerated() {
            let terms = Set(SearchText.terms(tool.operation.resource)).sorted()
            for term in terms { resourceTools[term, default: []].append(position) }
            resourceTerms.append((terms.count, terms.reduce(0) { $0 + (idf[$1] ?? 0) }))
        }
        self.resourceTools = resourceTools
        self.resourceTerms = resourceTerms
    }

    /// How many tools are indexed.
    package var count: Int { entries.count }

    /// The tools best matching `query`, best first, at most `limit` (at least 1); with `tags`,
    /// only tools carrying one of them. Tools matching no query term are not returned.
    package func search(_ query: String, limit: Int, tags: Set<String>? = nil) -> [ToolSearchHit] {
        let query = SearchQuery(query, synonyms: synonyms, synonymWeight: Self.synonymWeight)
        var scores = [Double](repeating: 0, count: entries.count)
        // Sorted, so the floating-point sums are made in the same order in every process.
        for term in query.weights.keys.sorted() {
            guard let list = postings[term], let idf = inverseFrequency[term], let weight = query.weights[term] else {
                continue
            }
            for posting in list { scores[posting.tool] += weight * idf * posting.weight }
        }
        // The query names what a tool works on, every word of its resource.
        var resourceHits: [Int: Int] = [:]
        for term in Set(query.terms) { for tool in resourceTools[term] ?? [] { resourceHits[tool, default: 0] += 1 } }
        for (tool, hits) in resourceHits where hits == resourceTerms[tool].count && scores[tool] > 0 {
            scores[tool] += Self.resourceBonus * resourceTerms[tool].weight
        }
        let named = Set(query.terms.compactMap { integrationNames[$0] })
        let asksToRead = query.intent.map { $0 == .read }
        if !named.isEmpty || asksToRead != nil {
            for position in scores.indices where scores[position] > 0 {
                if !named.isEmpty && !named.contains(integrationOf[position]) {
                    scores[position] *= Self.otherIntegrationFactor
                }
                if let asksToRead, asksToRead != reads[position] { scores[position] *= Self.otherIntentFactor }
            }
        }
        var ranked: [Int] = []
        for (position, score) in scores.enumerated() where score > 0 {
            if let tags, !entries[position].tags.contains(where: tags.contains) { continue }
            ranked.append(position)
        }
        ranked.sort { lhs, rhs in
            scores[lhs] != scores[rhs] ? scores[lhs] > scores[rhs] : entries[lhs].name < entries[rhs].name
        }
        return ranked.prefix(max(1, limit)).map { position in
            let entry = entries[position]
            return ToolSearchHit(
                name: entry.name, integration: entry.integration, kind: entry.kind, summary: entry.summary,
                tokens: entry.tokens, score: scores[position])
        }
    }

    /// The indexed names closest to `name` (a misspelt or guessed tool name), best first, at most
    /// `limit`: near spellings first, then the best search matches for its words.
    package func closestNames(to name: String, limit: Int = 3) -> [String] {
        let lowered = name.lowercased()
        let budget = max(2, lowered.count / 3)
        var near: [(distance: Int, name: String)] = []
        for entry in entries {
            let distance = EditDistance.between(lowered, entry.name.lowercased(), atMost: budget)
            if distance <= budget { near.append((distance, entry.name)) }
        }
        near.sort { $0.distance != $1.distance ? $0.distance < $1.distance : $0.name < $1.name }
        var result = near.prefix(limit).map(\.name)
        for hit in search(name, limit: limit) where result.count < limit && !result.contains(hit.name) {
            result.append(hit.name)
        }
        return result
    }

    /// The text of each field of a tool's document, as terms.
    static func documentFields(of tool: Tool, in integration: Integration?, toolNames: Set<String>) -> [[String]] {
        let operation = tool.operation
        var parameters: [String] = []
        for parameter in operation.parameters {
            parameters += SearchText.terms(parameter.name)
            if let description = parameter.schema["description"]?.stringValue {
                parameters += SearchText.terms(description)
            }
            for value in parameter.schema["enum"]?.arrayValue ?? [] {
                if let text = value.stringValue { parameters += SearchText.terms(text) }
            }
        }
        // A description's pointers to other tools ("use github_search_issues to…") describe
        // those tools, not this one.
        let description = OwnDescription.of(operation.description, others: toolNames.subtracting([tool.name]))
        let name = Set(
            SearchText.terms(tool.name) + SearchText.terms(operation.resource) + SearchText.terms(operation.key))
        return [
            name.sorted(),
            SearchText.terms(tool.integration + " " + (integration?.title ?? "")),
            SearchText.terms(SearchVocabulary.kindWords[tool.kind] ?? ""),
            tool.tags.flatMap(SearchText.terms),
            SearchText.terms(description),
            SearchText.terms(operation.resourceDescription ?? ""),
            SearchText.terms(integration?.description ?? ""),
            parameters,
        ]
    }

    /// BM25F: per term and tool, the length-normalised weighted frequency summed over fields and
    /// saturated; per term, the inverse document frequency.
    private static func weigh(_ documents: [[[String]]]) -> (
        postings: [String: [(tool: Int, weight: Double)]], inverseFrequency: [String: Double]
    ) {
        var averageLength = [Double](repeating: 0, count: fields.count)
        for document in documents {
            for (field, terms) in document.enumerated() { averageLength[field] += Double(terms.count) }
        }
        let count = Double(max(1, documents.count))
        averageLength = averageLength.map { max(1, $0 / count) }
        var postings: [String: [(tool: Int, weight: Double)]] = [:]
        for (tool, document) in documents.enumerated() {
            var frequency: [String: Double] = [:]
            for (position, terms) in document.enumerated() {
                let field = fields[position]
                let norm =
                    1 - field.lengthNormalization + field.lengthNormalization * Double(terms.count)
                    / averageLength[position]
                for term in terms { frequency[term, default: 0] += field.weight / norm }
            }
            for (term, value) in frequency {
                postings[term, default: []].append((tool, value * (k1 + 1) / (k1 + value)))
            }
        }
        var inverseFrequency: [String: Double] = [:]
        for (term, list) in postings {
            let frequency = Double(list.count)
            inverseFrequency[term] = csystem_log(1 + (count - frequency + 0.5) / (frequency + 0.5))
        }
        return (postings, inverseFrequency)
    }

    /// Each stem's synonyms' stems, from ``SearchVocabulary/synonymGroups``.
    private static func synonymTable() -> [String: Set<String>] {
        var table: [String: Set<String>] = [:]
        for group in SearchVocabulary.synonymGroups {
            let stems = Set(group.map(WordStemmer.stem))
            for stem in stems { table[stem, default: []].formUnion(stems.subtracting([stem])) }
        }
        return table
    }
}
