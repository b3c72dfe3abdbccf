import Testing

@testable import Catalog

@Suite struct OwnDescriptionTests {
    static let others: Set<String> = ["hubspot_notes_create", "jira_transitions_list", "github_issue_comments_list"]

    @Test("a sentence pointing at another tool is left out, with its words")
    func sentence() {
        let text = "Change properties of a record. Use hubspot_notes_create to log a note instead."
        #expect(OwnDescription.of(text, others: Self.others) == "Change properties of a record.")
    }

    @Test("a clause after a semicolon pointing at another tool is left out, the rest stays")
    func clause() {
        let text = "Get one issue. Labels replace the set; to log a note, hubspot_notes_create."
        #expect(OwnDescription.of(text, others: Self.others) == "Get one issue. Labels replace the set")
    }

    @Test("the opening clause says what the tool does: only the other tool's name is left out")
    func opening() {
        let text = "Move an issue to another status by a transition id from jira_transitions_list."
        #expect(
            OwnDescription.of(text, others: Self.others) == "Move an issue to another status by a transition id from")
    }

    @Test("a colon does not save a pointer: the whole sentence goes")
    func colon() {
        let text = "Get one issue by number. Comments are separate: use github_issue_comments_list."
        #expect(OwnDescription.of(text, others: Self.others) == "Get one issue by number.")
    }

    @Test("a description naming no other tool, or its own name, is kept whole")
    func untouched() {
        let text = "List notes, newest first. Give one id; hubspot_notes_create is not this tool."
        #expect(
            OwnDescription.of(text, others: [])
                == "List notes, newest first. Give one id hubspot_notes_create is not this tool.")
        #expect(OwnDescription.of("", others: Self.others) == "")
    }

    @Test("sentences split at a full stop before a capital, not after e.g. or inside a number")
    func sentences() {
        #expect(
            Sentences.split("Find e.g. Project = ABC. Up to 1.5 MB. then on.") == [
                "Find e.g. Project = ABC.", "Up to 1.5 MB. then on.",
            ])
        #expect(Sentences.split("  ") == [])
    }
}
