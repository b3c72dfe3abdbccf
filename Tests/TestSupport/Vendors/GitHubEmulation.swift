import Foundation
import JSON

/// A loopback emulation of the GitHub REST API slice the recorded sessions use: one repository
/// with eleven issues, paginated with `Link` headers the way GitHub does (`per_page`, `page`,
/// next links through `/repositories/{id}/issues`), bearer-token checks, 404s with GitHub's body,
/// and a secondary rate limit (429 with `Retry-After: 1`) on chosen repositories' first request.
package final class GitHubEmulation: Sendable {
    /// The repository every issue belongs to.
    package static let owner = "octo-org"
    /// The repository's name.
    package static let repository = "harbor"
    /// The repository's numeric id (used in next-page links).
    package static let repositoryID = 1_296_269

    private let server: LoopbackServer
    private let pendingRateLimits: SharedValue<Set<String>>

    /// Starts the emulation; the first `GET /repos/{owner}/{repo}` of each repository in
    /// `rateLimitedOnce` (as `owner/repo`) answers 429 with `Retry-After: 1`.
    package init(token: String = RecordingSecrets.githubToken, rateLimitedOnce: Set<String> = []) throws {
        let pending = SharedValue(rateLimitedOnce)
        pendingRateLimits = pending
        var router = Router()
        let expected = "Bearer " + token
        router.on("GET", "/repos/{owner}/{repo}/issues") { request, parameters in
            Self.authorized(request, expected) ?? Self.issuesPage(request, owner: parameters["owner"] ?? "")
        }
        router.on("GET", "/repositories/{id}/issues") { request, parameters in
            Self.authorized(request, expected)
                ?? (parameters["id"] == String(Self.repositoryID)
                    ? Self.issuesPage(request, owner: Self.owner) : Self.notFound("repositories"))
        }
        router.on("GET", "/repos/{owner}/{repo}/issues/{number}") { request, parameters in
            if let refusal = Self.authorized(request, expected) { return refusal }
            guard parameters["owner"] == Self.owner, parameters["repo"] == Self.repository,
                let number = Int(parameters["number"] ?? ""),
                let issue = Self.issues.first(where: { $0.number == number })
            else { return Self.notFound("issues/issues#get-an-issue") }
            return Self.reply(Self.issueJSON(issue, origin: Self.origin(of: request)))
        }
        router.on("GET", "/repos/{owner}/{repo}") { request, parameters in
            if let refusal = Self.authorized(request, expected) { return refusal }
            let name = (parameters["owner"] ?? "") + "/" + (parameters["repo"] ?? "")
            if pending.withLock({ $0.remove(name) != nil }) {
                return .json(
                    429,
                    #"{"message":"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.","documentation_url":"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api"}"#,
                    headers: [("Retry-After", "1")])
            }
            guard name == Self.owner + "/" + Self.repository else {
                return Self.notFound("repos/repos#get-a-repository")
            }
            return Self.reply(Self.repositoryJSON(origin: Self.origin(of: request)))
        }
        server = try LoopbackServer(router: router)
    }

    /// `http://127.0.0.1:PORT`, to set as `GITHUB_API_URL`.
    package var baseURL: String { server.baseURL }

    /// Every request received so far.
    package var requests: [ReceivedRequest] { server.requests }

    /// Stops the server.
    package func stop() { server.stop() }

    /// Whether every chosen rate limit was served.
    package var rateLimitsServed: Bool { pendingRateLimits.withLock { $0.isEmpty } }

    /// `nil` when the request carries the expected bearer token, else GitHub's 401.
    static func authorized(_ request: ReceivedRequest, _ expected: String) -> ServerReply? {
        guard request.header("Authorization") != expected else { return nil }
        return .json(
            401, #"{"message":"Bad credentials","documentation_url":"https://docs.github.com/rest","status":"401"}"#)
    }

    /// GitHub's 404 body, pointing at a documentation page.
    static func notFound(_ page: String) -> ServerReply {
        .json(
            404,
            #"{"message":"Not Found","documentation_url":"https://docs.github.com/rest/\#(page)","status":"404"}"#)
    }

    /// `http://HOST:PORT` as the client addressed the emulation.
    static func origin(of request: ReceivedRequest) -> String {
        "http://" + (request.header("Host") ?? "127.0.0.1")
    }

    /// A 200 JSON reply with GitHub's rate-limit headers.
    static func reply(_ value: JSONValue, headers: [(String, String)] = []) -> ServerReply {
        .json(200, value.encoded(), headers: Self.rateHeaders + headers)
    }

    /// GitHub's primary rate-limit headers, with requests to spare.
    static let rateHeaders = [
        ("x-ratelimit-limit", "5000"), ("x-ratelimit-remaining", "4987"), ("x-ratelimit-reset", "1767225600"),
        ("x-ratelimit-resource", "core"),
    ]

    /// One page of the repository's open issues, with GitHub's `Link` header.
    static func issuesPage(_ request: ReceivedRequest, owner: String) -> ServerReply {
        let origin = origin(of: request)
        guard owner == Self.owner, request.path.hasPrefix("/repositories/") || request.pathSegments[2] == repository
        else { return notFound("issues/issues#list-repository-issues") }
        let state = request.queryValue("state") ?? "open"
        let matching = issues.filter { state == "all" || $0.state == state }
        let perPage = min(100, max(1, Int(request.queryValue("per_page") ?? "") ?? 30))
        let page = max(1, Int(request.queryValue("page") ?? "") ?? 1)
        let lastPage = max(1, (matching.count + perPage - 1) / perPage)
        let slice = matching.dropFirst((page - 1) * perPage).prefix(perPage)
        var links: [String] = []
        func link(_ number: Int, _ relation: String) {
            let query = "state=\(state)&per_page=\(perPage)&page=\(number)"
            links.append("<\(origin)/repositories/\(repositoryID)/issues?\(query)>; rel=\"\(relation)\"")
        }
        if page > 1 { link(page - 1, "prev") }
        if page < lastPage {
            link(page + 1, "next")
            link(lastPage, "last")
        }
        if page > 1 { link(1, "first") }
        let headers = links.isEmpty ? [] : [("Link", links.joined(separator: ", "))]
        return reply(.array(slice.map { issueJSON($0, origin: origin) }), headers: headers)
    }
}
