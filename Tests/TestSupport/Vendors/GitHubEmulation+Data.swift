import JSON

extension GitHubEmulation {
    /// One emulated issue.
    struct Issue: Sendable {
        /// The issue number.
        let number: Int
        /// The title.
        let title: String
        /// `open` or `closed`.
        let state: String
        /// The author's login.
        let author: String
        /// Label names.
        let labels: [String]
        /// The comment count.
        let comments: Int
        /// The day of May 2025 it was opened.
        let day: Int
    }

    /// The repository's issues, newest first (GitHub's default order).
    static let issues: [Issue] = [
        Issue(
            number: 142, title: "Retry-After given as an HTTP-date is ignored", state: "open", author: "mei-lin",
            labels: ["bug"], comments: 3, day: 28),
        Issue(
            number: 141, title: "Add a --read-only switch for production agents", state: "open", author: "jdoe",
            labels: ["enhancement"], comments: 5, day: 27),
        Issue(
            number: 139, title: "Pagination stops after 100 pages without saying why", state: "open",
            author: "r-okafor", labels: ["bug", "pagination"], comments: 2, day: 25),
        Issue(
            number: 138, title: "Document the cassette format", state: "open", author: "mei-lin",
            labels: ["documentation"], comments: 0, day: 24),
        Issue(
            number: 136, title: "OAuth refresh races when two agents share a grant", state: "open", author: "tkaspar",
            labels: ["bug", "auth"], comments: 7, day: 22),
        Issue(
            number: 135, title: "Tool descriptions are too long for small models", state: "open", author: "jdoe",
            labels: ["enhancement"], comments: 4, day: 21),
        Issue(
            number: 133, title: "Crash on a vendor body that is not UTF-8", state: "open", author: "a-silva",
            labels: ["bug"], comments: 1, day: 19),
        Issue(
            number: 131, title: "Support GitHub Enterprise base URLs", state: "open", author: "r-okafor",
            labels: ["enhancement"], comments: 2, day: 17),
        Issue(
            number: 130, title: "Audit log should include the HTTP status", state: "open", author: "tkaspar",
            labels: ["enhancement"], comments: 0, day: 16),
        Issue(
            number: 128, title: "Rate limit headers reset in epoch seconds", state: "open", author: "a-silva",
            labels: ["question"], comments: 3, day: 14),
        Issue(
            number: 127, title: "Shell-script usage without initialize", state: "open", author: "mei-lin",
            labels: ["documentation"], comments: 1, day: 12),
    ]

    /// GitHub-style colours of the labels used.
    static let labelColors = [
        "bug": "d73a4a", "enhancement": "a2eeef", "documentation": "0075ca", "question": "d876e3",
        "pagination": "fbca04", "auth": "5319e7",
    ]

    /// A user object as GitHub embeds it.
    static func user(_ login: String, origin: String) -> JSONValue {
        [
            "login": .string(login), "id": .int(Int64(login.utf8.reduce(9000) { $0 + Int($1) })),
            "avatar_url": .string("https://avatars.githubusercontent.com/\(login)"),
            "url": .string("\(origin)/users/\(login)"), "html_url": .string("https://github.com/\(login)"),
            "type": "User", "site_admin": false,
        ]
    }

    /// An issue as GitHub returns it, API URLs on the emulation's origin.
    static func issueJSON(_ issue: Issue, origin: String) -> JSONValue {
        let api = "\(origin)/repos/\(owner)/\(repository)/issues/\(issue.number)"
        let day = String(format: "%02d", issue.day)
        return [
            "url": .string(api),
            "repository_url": .string("\(origin)/repos/\(owner)/\(repository)"),
            "comments_url": .string(api + "/comments"),
            "html_url": .string("https://github.com/\(owner)/\(repository)/issues/\(issue.number)"),
            "id": .int(Int64(2_900_000_000 + issue.number)),
            "node_id": .string("I_kwDOAE\(issue.number)"),
            "number": .int(Int64(issue.number)),
            "title": .string(issue.title),
            "user": user(issue.author, origin: origin),
            "labels": .array(
                issue.labels.map { name in
                    ["name": .string(name), "color": .string(labelColors[name] ?? "ededed"), "default": false]
                }),
            "state": .string(issue.state),
            "locked": false,
            "assignee": .null,
            "assignees": [],
            "comments": .int(Int64(issue.comments)),
            "created_at": .string("2025-05-\(day)T09:14:00Z"),
            "updated_at": .string("2025-05-\(day)T16:40:00Z"),
            "closed_at": .null,
            "author_association": "CONTRIBUTOR",
            "body": .string("Reported while wiring \(repository) into an agent. Steps and logs below."),
        ]
    }

    /// The repository as GitHub returns it.
    static func repositoryJSON(origin: String) -> JSONValue {
        [
            "id": .int(Int64(repositoryID)),
            "node_id": "R_kgDOAE",
            "name": .string(repository),
            "full_name": .string("\(owner)/\(repository)"),
            "private": false,
            "owner": user(owner, origin: origin),
            "html_url": .string("https://github.com/\(owner)/\(repository)"),
            "description": "A service mesh for agent tool calls",
            "fork": false,
            "url": .string("\(origin)/repos/\(owner)/\(repository)"),
            "homepage": "https://harbor.example.org",
            "language": "Swift",
            "stargazers_count": 1842,
            "watchers_count": 1842,
            "forks_count": 97,
            "open_issues_count": .int(Int64(issues.count)),
            "topics": ["mcp", "agents", "swift"],
            "visibility": "public",
            "default_branch": "main",
            "created_at": "2023-02-11T08:00:00Z",
            "pushed_at": "2025-05-28T17:02:11Z",
        ]
    }
}
