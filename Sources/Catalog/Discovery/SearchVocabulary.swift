/// The fixed vocabulary the discovery ranking adds to what the integration files say: the verbs
/// people use for each operation kind, common abbreviations, groups of words that name the same
/// thing in business software, and the first words that tell a request to read from one to
/// change something. General English, not tuned to one vendor: vendor words come from the files
/// (resource and integration descriptions, tags, parameters).
enum SearchVocabulary {
    /// Verbs and nouns that ask for an operation of each kind; indexed with every tool of the kind.
    static let kindWords: [OperationKind: String] = [
        .list: "list show all browse enumerate which many",
        .get: "get show read view detail details fetch look info information",
        .search: "search find query look lookup filter",
        .create: "create add new open file make post submit",
        .update: "update change edit modify set rename mark move assign",
        .delete: "delete remove erase trash",
        .action: "do run perform send trigger",
    ]

    /// Short forms and the words they stand for, read as those words in queries and documents
    /// alike (unlike a synonym, at full weight).
    static let abbreviations: [String: [String]] = [
        "repo": ["repository"], "repos": ["repository"], "pr": ["pull", "request"], "prs": ["pull", "request"],
        "org": ["organization"], "orgs": ["organization"], "dm": ["direct", "message"], "dms": ["direct", "message"],
        "doc": ["document"], "docs": ["document"],
    ]

    /// Groups of interchangeable words (each group read both ways), in their plain form.
    static let synonymGroups: [[String]] = [
        ["ticket", "issue", "case"],
        ["bug", "issue", "defect"],
        ["close", "resolve", "solve", "reopen", "finish", "complete", "status", "transition"],
        ["email", "mail", "inbox", "mailbox"],
        ["company", "organization", "org", "business"],
        ["person", "contact", "people"],
        ["user", "member", "account", "profile", "employee", "colleague", "staff"],
        ["pay", "payment", "charge"],
        ["refund", "reimburse", "return"],
        ["channel", "conversation", "room"],
        ["meeting", "event", "appointment", "calendar"],
        ["reply", "comment", "respond", "answer", "note"],
        ["post", "send", "message", "say", "tell", "announce", "notify"],
        ["repo", "repository", "project"],
        ["pr", "pull"],
        ["doc", "document", "page", "note", "wiki"],
        ["table", "database", "data"],
        ["column", "property", "field", "attribute", "schema"],
        ["row", "record", "entry", "item"],
        ["task", "activity", "todo", "call"],
        ["schedule", "plan", "book"],
        ["assign", "assignee", "owner", "reassign"],
        ["invoice", "bill", "billing"],
        ["subscription", "plan", "recurring"],
        ["find", "search", "lookup", "look"],
        ["delete", "remove", "trash", "archive"],
        ["team", "workspace", "tenant", "directory"],
        ["text", "content", "body", "markdown"],
        ["label", "tag"],
        ["customer", "client"],
        ["deal", "opportunity", "sale"],
        ["review", "approve", "approval"],
        ["stage", "pipeline"],
    ]

    /// Words that open a request politely without saying what it is.
    static let courtesies: Set<String> = [
        "please", "kindly", "can", "could", "would", "will", "you", "i", "we", "want", "need", "like", "to", "let",
        "lets", "us", "me", "now", "quickly",
    ]

    /// Words that open a question: the user wants to know something, not to change it.
    static let questionWords: Set<String> = [
        "what", "whats", "which", "who", "whos", "whose", "whom", "when", "where", "why", "how", "is", "are", "was",
        "were", "does", "did", "do", "has", "have", "had", "any",
    ]

    /// Stems of verbs that, first in a request, ask to read.
    static let readVerbs: Set<String> = Set(
        [
            "list", "show", "get", "read", "view", "see", "fetch", "find", "search", "look", "lookup", "query",
            "browse", "describe", "display", "tell",
        ].map(WordStemmer.stem))

    /// Stems of verbs that, first in a request, ask to change something. Verbs that ask for
    /// either ("run" a query or a job, "share") are in neither list.
    static let writeVerbs: Set<String> = Set(
        [
            "create", "add", "new", "open", "file", "make", "post", "submit", "write", "draft", "log", "put", "leave",
            "schedule", "book", "update", "change", "edit", "modify", "set", "rename", "mark", "move", "assign",
            "reassign", "switch", "close", "reopen", "resolve", "delete", "remove", "erase", "trash", "archive",
            "cancel", "send", "email", "reply", "answer", "comment", "append", "link", "invite", "approve", "reject",
            "merge", "publish", "upload", "start", "stop", "pay", "charge", "refund", "subscribe", "record", "trigger",
        ].map(WordStemmer.stem))
}
