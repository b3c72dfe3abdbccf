/// The part of a tool description that describes the tool itself.
///
/// Descriptions name their neighbours: "Use hubspot_notes_create to log a note instead", "Comments
/// are separate: use github_issue_comments_list", "Then stripe_invoices_finalize". Such a clause
/// says when *another* tool is the right one, so its words ("note", "comments") are evidence
/// against this tool, not for it. Each sentence is cut into clauses at semicolons; a clause naming
/// another tool is left out, except the opening clause, which says what the tool does ("Move an
/// issue to another status by a transition id from jira_transitions_list"): there only the name is
/// left out.
enum OwnDescription {
    /// `description` without its clauses about the tools in `others` and without their names.
    static func of(_ description: String, others: Set<String>) -> String {
        var kept: [String] = []
        for (sentenceIndex, sentence) in Sentences.split(description).enumerated() {
            for (clauseIndex, clause) in sentence.split(separator: ";").enumerated() {
                let words = clause.split(separator: " ")
                let namesAnother = words.contains { others.contains(toolName(in: $0)) }
                if namesAnother && (sentenceIndex > 0 || clauseIndex > 0) { continue }
                kept.append(words.filter { !others.contains(toolName(in: $0)) }.joined(separator: " "))
            }
        }
        return kept.joined(separator: " ")
    }

    /// A word as it would spell a tool name: letters, digits and underscores only.
    private static func toolName(in word: Substring) -> String {
        String(word.filter { $0.isLetter || $0.isNumber || $0 == "_" })
    }
}
