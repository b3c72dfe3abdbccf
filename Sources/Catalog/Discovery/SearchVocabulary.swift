/// The fixed vocabulary the discovery ranking adds to what the integration files say: the verbs
/// people use for each operation kind, and groups of words that name the same thing in business
/// software. General English, not tuned to one vendor: vendor words come from the files
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
}
