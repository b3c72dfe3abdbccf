/// A light, deterministic English stemmer for the discovery ranking: plurals, `-ing` and `-ed`
/// forms and a final `e` fold to one stem, so "closing", "closed" and "close" meet, as do
/// "replies" and "reply". Deliberately weaker than Porter: vendor nouns ("status", "analysis")
/// must survive intact.
enum WordStemmer {
    /// Irregular forms a suffix rule cannot reach, mapped to their base word.
    private static let irregular: [String: String] = [
        "paid": "pay", "sent": "send", "ran": "run", "made": "make", "people": "person", "children": "child",
        "wrote": "write", "written": "write", "gave": "give", "given": "give", "took": "take", "taken": "take",
        "bought": "buy", "sold": "sell", "left": "leave", "began": "begin", "met": "meet", "told": "tell",
        "found": "find", "held": "hold", "kept": "keep", "chose": "choose", "chosen": "choose",
    ]

    /// The stem of a lower-case word.
    static func stem(_ word: String) -> String {
        if let base = irregular[word] { return trimE(base) }
        var stem = word
        if stem.count > 4, stem.hasSuffix("ies") {
            stem = String(stem.dropLast(3)) + "y"
        } else if stem.count > 4,
            stem.hasSuffix("sses") || stem.hasSuffix("xes") || stem.hasSuffix("zes")
                || stem.hasSuffix("ches") || stem.hasSuffix("shes") || stem.hasSuffix("uses")
        {
            stem = String(stem.dropLast(2))
        } else if stem.count > 3, stem.hasSuffix("s"), !stem.hasSuffix("ss"), !stem.hasSuffix("us"),
            !stem.hasSuffix("is")
        {
            stem = String(stem.dropLast())
        }
        if stem.count > 5, stem.hasSuffix("ing") {
            stem = undouble(String(stem.dropLast(3)))
        } else if stem.count > 4, stem.hasSuffix("ed"), !stem.hasSuffix("eed") {
            stem = undouble(String(stem.dropLast(2)))
        }
        return trimE(stem)
    }

    /// `runn` → `run`: a doubled final consonant left by `-ing`/`-ed`, except `l`, `s`, `z`
    /// ("call", "pass", "buzz" end that way in their base form).
    private static func undouble(_ stem: String) -> String {
        let scalars = Array(stem.unicodeScalars)
        guard scalars.count >= 3, let last = scalars.last, last == scalars[scalars.count - 2],
            !"aeiouylsz".unicodeScalars.contains(last)
        else { return stem }
        return String(stem.dropLast())
    }

    /// Drops a final `e` from words of four letters or more, so "close"/"closing" and
    /// "create"/"created" share a stem.
    private static func trimE(_ stem: String) -> String {
        stem.count >= 4 && stem.hasSuffix("e") && !stem.hasSuffix("ee") ? String(stem.dropLast()) : stem
    }
}
