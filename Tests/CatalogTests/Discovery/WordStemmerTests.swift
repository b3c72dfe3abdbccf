import Testing

@testable import Catalog

@Suite struct WordStemmerTests {
    @Test(
        "inflections of a word share its stem",
        arguments: [
            ("closing", "close"), ("closed", "close"), ("replies", "reply"), ("issues", "issue"),
            ("addresses", "address"), ("statuses", "status"), ("labels", "label"), ("paid", "pay"),
            ("people", "person"), ("running", "run"), ("databases", "database"), ("searches", "search"),
        ])
    func inflections(word: String, base: String) {
        #expect(WordStemmer.stem(word) == WordStemmer.stem(base))
    }

    @Test("vendor nouns ending in s survive", arguments: ["status", "analysis", "address", "sms"])
    func nouns(word: String) {
        #expect(WordStemmer.stem(word).hasPrefix(String(word.prefix(4))))
    }

    @Test("text splits at punctuation and case changes, drops stop words and numbers")
    func words() {
        #expect(SearchText.words("accountId of ENG-12") == ["account", "id", "of", "eng", "12"])
        #expect(SearchText.terms("the accountId of ENG-12") == ["account", "id", "eng"])
    }

    @Test("abbreviations are read as the words they stand for, in queries and documents alike")
    func abbreviations() {
        #expect(SearchText.terms("my repos and PRs in our org") == ["repository", "pull", "request", "organization"])
        #expect(SearchText.terms("repo") == SearchText.terms("repositories"))
    }

    @Test("the first sentence ends at a full stop before a capital, not after e.g.")
    func firstSentence() {
        let text = "Find issues, e.g. Project = ABC. Then more."
        #expect(Sentences.first(of: text) == "Find issues, e.g. Project = ABC.")
        #expect(Sentences.first(of: "No stop at all") == "No stop at all")
        #expect(Sentences.first(of: "Ends here.") == "Ends here.")
        #expect(Sentences.first(of: "") == "")
    }
}
