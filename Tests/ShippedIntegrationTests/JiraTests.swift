import Foundation
import JSON
import TestSupport
import Testing

@Suite struct JiraTests {
    private static func start() throws -> (LoopbackServer, ShippedIntegration) {
        let server = try LoopbackServer(router: JiraEmulation.router())
        let jira = try ShippedIntegration(file: "jira.json", environment: JiraEmulation.environment(server))
        return (server, jira)
    }

    @Test("issue search follows nextPageToken across short pages and returns every issue once, in order")
    func searchWalksPages() async throws {
        let (server, jira) = try Self.start()
        defer { server.stop() }
        let outcome = try await jira.call("jira_issues_search", #"{"jql": "project = ABC ORDER BY key", "limit": 10}"#)

        #expect(!outcome.isError, "\(outcome.text)")
        let items = VendorEmulationKit.items(outcome)
        #expect(VendorEmulationKit.strings(items, "key") == ["ABC-1", "ABC-2", "ABC-3", "ABC-4", "ABC-5"])
        #expect(outcome.structured?["has_more"] == false)
        #expect(outcome.structured?["next_cursor"] == nil)
        let first = try #require(items.first)
        #expect(first["self"] == nil && first["expand"] == nil)
        #expect(first["fields"]?["assignee"]?["avatarUrls"] == nil)
        #expect(first["fields"]?["assignee"]?["displayName"] == "Ada Lovelace")

        let requests = server.requests
        #expect(requests.count == 3)
        #expect(requests.map { $0.queryValue("nextPageToken") } == [nil, "page-2", "page-4"])
        #expect(requests.map { $0.queryValue("maxResults") } == ["10", "8", "6"])
        #expect(requests.allSatisfy { $0.queryValue("jql") == "project = ABC ORDER BY key" })
        #expect(requests.allSatisfy { $0.queryValue("fields") == "summary,status,assignee,priority,issuetype,updated" })
        let authorization = VendorEmulationKit.basic(JiraEmulation.email, JiraEmulation.apiToken)
        #expect(requests.allSatisfy { $0.header("Authorization") == authorization })
    }

    @Test("a limit inside a page stops there and the cursor resumes at the next issue")
    func searchResumesWithCursor() async throws {
        let (server, jira) = try Self.start()
        defer { server.stop() }
        let first = try await jira.call("jira_issues_search", #"{"jql": "project = ABC", "limit": 3}"#)
        #expect(VendorEmulationKit.strings(VendorEmulationKit.items(first), "key") == ["ABC-1", "ABC-2", "ABC-3"])
        #expect(first.structured?["has_more"] == true)
        let cursor = try #require(first.structured?["next_cursor"]?.stringValue)

        let rest = try await jira.call("jira_issues_search", #"{"next_cursor": "\#(cursor)", "limit": 10}"#)
        #expect(VendorEmulationKit.strings(VendorEmulationKit.items(rest), "key") == ["ABC-4", "ABC-5"])
        #expect(rest.structured?["has_more"] == false)
    }

    @Test("getting an issue returns it without avatar and self links")
    func getIssue() async throws {
        let (server, jira) = try Self.start()
        defer { server.stop() }
        let outcome = try await jira.call("jira_issues_get", #"{"issue_key": "ABC-2"}"#)

        #expect(!outcome.isError, "\(outcome.text)")
        #expect(outcome.structured?["key"] == "ABC-2")
        #expect(outcome.structured?["fields"]?["summary"] == "Issue number 2")
        #expect(outcome.structured?["fields"]?["status"]?["iconUrl"] == nil)
        let request = try #require(server.requests.first)
        #expect(request.path == "/rest/api/3/issue/ABC-2")
        #expect(request.queryValue("fields")?.hasPrefix("summary,status,assignee,reporter") == true)
    }

    @Test("a missing issue is not_found carrying Jira's errorMessages text")
    func missingIssue() async throws {
        let (server, jira) = try Self.start()
        defer { server.stop() }
        let outcome = try await jira.call("jira_issues_get", #"{"issue_key": "ABC-99"}"#)

        let error = try #require(outcome.error)
        #expect(error.type == .notFound)
        #expect(error.status == 404)
        #expect(error.message == "Issue does not exist or you do not have permission to see it.")
    }

    @Test("an unbounded JQL query is invalid_arguments with Jira's explanation")
    func unboundedQuery() async throws {
        let (server, jira) = try Self.start()
        defer { server.stop() }
        let outcome = try await jira.call("jira_issues_search", #"{"jql": "order by created"}"#)

        let error = try #require(outcome.error)
        #expect(error.type == .invalidArguments)
        #expect(error.message.hasPrefix("Unbounded JQL queries are not allowed here."))
    }

    @Test("creating an issue nests every argument under fields, ADF description included")
    func createIssueBody() async throws {
        let (server, jira) = try Self.start()
        defer { server.stop() }
        let arguments = #"""
            {"project_key": "ABC", "issue_type": "Bug", "summary": "Login fails",
             "description": {"type": "doc", "version": 1,
                             "content": [{"type": "paragraph", "content": [{"type": "text", "text": "Steps"}]}]},
             "labels": ["auth"], "custom_fields": {"customfield_10016": 3}}
            """#
        let outcome = try await jira.call("jira_issues_create", arguments)

        #expect(!outcome.isError, "\(outcome.text)")
        #expect(outcome.structured?["key"] == "ABC-6")
        let request = try #require(server.requests.first)
        #expect(request.method == "POST" && request.path == "/rest/api/3/issue")
        let expected = try JSONParser.parse(
            #"""
            {"fields": {"customfield_10016": 3, "project": {"key": "ABC"}, "issuetype": {"name": "Bug"},
                        "summary": "Login fails",
                        "description": {"type": "doc", "version": 1,
                                        "content": [{"type": "paragraph", "content": [{"type": "text", "text": "Steps"}]}]},
                        "labels": ["auth"]}}
            """#)
        #expect(VendorEmulationKit.body(of: request) == expected)
    }

    @Test("a field error from Jira's errors map becomes the message of invalid_arguments")
    func fieldError() async throws {
        let (server, jira) = try Self.start()
        defer { server.stop() }
        let outcome = try await jira.call(
            "jira_issues_create", #"{"project_key": "ABC", "issue_type": "Saga", "summary": "Epic tale"}"#)

        let error = try #require(outcome.error)
        #expect(error.type == .invalidArguments)
        #expect(error.message == "Specify a valid issue type")
        #expect(error.vendor?["errors"]?["issuetype"] == "Specify a valid issue type")
    }

    @Test("comments page by startAt and report Jira's total")
    func commentsByOffset() async throws {
        let (server, jira) = try Self.start()
        defer { server.stop() }
        let first = try await jira.call("jira_comments_list", #"{"issue_key": "ABC-1", "limit": 3}"#)
        #expect(VendorEmulationKit.strings(VendorEmulationKit.items(first), "id") == ["1", "2", "3"])
        #expect(first.structured?["total"] == 5)
        #expect(VendorEmulationKit.items(first).first?["author"]?["avatarUrls"] == nil)
        let cursor = try #require(first.structured?["next_cursor"]?.stringValue)

        let rest = try await jira.call("jira_comments_list", #"{"next_cursor": "\#(cursor)"}"#)
        #expect(VendorEmulationKit.strings(VendorEmulationKit.items(rest), "id") == ["4", "5"])
        #expect(rest.structured?["has_more"] == false)
        #expect(server.requests.map { $0.queryValue("startAt") } == ["0", "3"])
    }
}
