import JSON
import TestSupport

/// A Jira Cloud site as REST API v3 answers: enhanced JQL search with `nextPageToken`, issues,
/// offset-paged comments, and Jira's `{"errorMessages": [...], "errors": {...}}` failures.
enum JiraEmulation {
    static let email = "ada@example.com"
    static let apiToken = "jira-api-token-123"
    /// Jira may return fewer issues than `maxResults` asks for; the emulation caps a page at this.
    static let searchPageCap = 2
    static let issueCount = 5
    static let commentCount = 5

    /// The variables the shipped file needs, pointed at `server`.
    static func environment(_ server: LoopbackServer) -> [String: String] {
        ["JIRA_BASE_URL": server.baseURL, "JIRA_EMAIL": email, "JIRA_API_TOKEN": apiToken]
    }

    /// Issue ABC-`number` as the search and get endpoints return it (noise included).
    static func issue(_ number: Int, origin: String) -> JSONValue {
        [
            "expand": "renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations",
            "id": .string(String(10000 + number)),
            "self": .string("\(origin)/rest/api/3/issue/\(10000 + number)"),
            "key": .string("ABC-\(number)"),
            "fields": [
                "summary": .string("Issue number \(number)"),
                "status": [
                    "self": .string("\(origin)/rest/api/3/status/3"), "name": "In Progress", "id": "3",
                    "iconUrl": .string("\(origin)/images/icons/statuses/inprogress.png"),
                    "statusCategory": [
                        "self": .string("\(origin)/rest/api/3/statuscategory/4"), "id": 4, "key": "indeterminate",
                    ],
                ],
                "assignee": [
                    "self": .string("\(origin)/rest/api/3/user?accountId=5b10a2844c20165700ede21g"),
                    "accountId": "5b10a2844c20165700ede21g", "displayName": "Ada Lovelace",
                    "avatarUrls": ["48x48": "https://avatar-management.example/48.png"],
                ],
                "updated": "2026-11-01T10:00:00.000+0000",
            ],
        ]
    }

    /// The emulated site.
    static func router() -> Router {
        var router = Router()
        router.on("GET", "/rest/api/3/search/jql") { request, _ in search(request) }
        router.on("GET", "/rest/api/3/issue/{key}") { request, parameters in
            let origin = VendorEmulationKit.origin(of: request)
            guard let key = parameters["key"], key.hasPrefix("ABC-"), let number = Int(key.dropFirst(4)),
                (1...issueCount).contains(number)
            else {
                return VendorEmulationKit.reply(
                    [
                        "errorMessages": ["Issue does not exist or you do not have permission to see it."],
                        "errors": [:],
                    ],
                    status: 404)
            }
            return VendorEmulationKit.reply(issue(number, origin: origin))
        }
        router.on("POST", "/rest/api/3/issue") { request, _ in create(request) }
        router.on("GET", "/rest/api/3/issue/{key}/comment") { request, _ in comments(request) }
        return router
    }

    private static func search(_ request: ReceivedRequest) -> ServerReply {
        guard let jql = request.queryValue("jql"), jql.contains("project") else {
            return VendorEmulationKit.reply(
                [
                    "errorMessages": [
                        "Unbounded JQL queries are not allowed here. Please add a search restriction to your query."
                    ],
                    "errors": [:],
                ], status: 400)
        }
        let start = request.queryValue("nextPageToken").flatMap { Int($0.dropFirst("page-".count)) } ?? 0
        let size = min(VendorEmulationKit.int(request, "maxResults", fallback: 50), searchPageCap)
        let numbers = Array((1...issueCount).dropFirst(start).prefix(size))
        var page: JSONObject = [
            "issues": .array(numbers.map { issue($0, origin: VendorEmulationKit.origin(of: request)) })
        ]
        if start + numbers.count < issueCount {
            page["nextPageToken"] = .string("page-\(start + numbers.count)")
            page["isLast"] = false
        } else {
            page["isLast"] = true
        }
        return VendorEmulationKit.reply(.object(page))
    }

    private static func create(_ request: ReceivedRequest) -> ServerReply {
        let fields = VendorEmulationKit.body(of: request)?["fields"]
        guard fields?["issuetype"]?["name"]?.stringValue != "Saga" else {
            return VendorEmulationKit.reply(
                ["errorMessages": [], "errors": ["issuetype": "Specify a valid issue type"]], status: 400)
        }
        let origin = VendorEmulationKit.origin(of: request)
        return VendorEmulationKit.reply(
            ["id": "10006", "key": "ABC-6", "self": .string("\(origin)/rest/api/3/issue/10006")], status: 201)
    }

    private static func comments(_ request: ReceivedRequest) -> ServerReply {
        let origin = VendorEmulationKit.origin(of: request)
        let start = VendorEmulationKit.int(request, "startAt", fallback: 0)
        let size = VendorEmulationKit.int(request, "maxResults", fallback: 5000)
        let numbers = Array((1...commentCount).dropFirst(start).prefix(size))
        let comments: [JSONValue] = numbers.map { number in
            [
                "self": .string("\(origin)/rest/api/3/issue/10001/comment/\(number)"), "id": .string(String(number)),
                "author": [
                    "accountId": "5b10a2844c20165700ede21g", "avatarUrls": ["48x48": "https://avatar.example/48.png"],
                ],
                "body": [
                    "type": "doc", "version": 1,
                    "content": [
                        ["type": "paragraph", "content": [["type": "text", "text": .string("Comment \(number)")]]]
                    ],
                ],
                "created": "2026-11-01T10:00:00.000+0000",
            ]
        }
        return VendorEmulationKit.reply(
            [
                "comments": .array(comments), "maxResults": .int(Int64(size)), "startAt": .int(Int64(start)),
                "total": .int(Int64(commentCount)),
            ])
    }
}
