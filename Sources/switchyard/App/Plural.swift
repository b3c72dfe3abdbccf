/// English counts for messages: `1 integration`, `2 integrations`.
enum Plural {
    /// `count` and the noun, with an `s` unless the count is one.
    static func count(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
