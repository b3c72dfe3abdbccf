import Foundation
import JSON
import TestSupport
import Testing

/// Regenerates the recorded sessions (`Tests/Fixtures/sessions/*` and `Integrations/demo`) by
/// driving the built binary against the loopback vendor emulations with `--record` and
/// `--transcript`. Runs only with `SWITCHYARD_RECORD_SESSIONS=1`:
///
///     SWITCHYARD_RECORD_SESSIONS=1 swift test --filter SessionRecordingTests
///
/// Each recording is replayed at once to prove it is complete.
@Suite(.serialized) struct SessionRecordingTests {
    static let enabled = ProcessInfo.processInfo.environment["SWITCHYARD_RECORD_SESSIONS"] == "1"

    static let owner: JSONValue = .string(GitHubEmulation.owner)
    static let repository: JSONValue = .string(GitHubEmulation.repository)

    private func githubRecorder(_ emulation: GitHubEmulation, arguments: [String] = []) throws -> SessionRecorder {
        SessionRecorder(
            integrationFiles: [
                "github.json": try String(contentsOfFile: RepositoryLayout.githubIntegration, encoding: .utf8)
            ],
            environment: ["GITHUB_TOKEN": RecordingSecrets.githubToken, "GITHUB_API_URL": emulation.baseURL],
            replayEnvironment: ["GITHUB_API_URL": RepositoryLayout.fixtureOrigin], arguments: arguments)
    }

    private func record(
        _ name: String, with recorder: SessionRecorder, origin: String, script: (ScriptedClient) throws -> Void
    ) throws {
        let directory = RepositoryLayout.sessionFixtures + "/" + name
        try recorder.record(
            into: directory, rewriting: OriginRewriter(from: origin, to: RepositoryLayout.fixtureOrigin), script: script
        )
        try expectReplays(directory)
    }

    private func expectReplays(_ directory: String) throws {
        let report = try SessionReplay(SessionFixture(directory: directory)).run()
        #expect(report.mismatches.isEmpty, "\(report.mismatches.joined(separator: "\n"))\n\(report.standardError)")
        #expect(report.exitStatus == 0)
    }

    @Test("records a GitHub issue walk over three Link-header pages", .enabled(if: enabled))
    func issueWalk() throws {
        let emulation = try GitHubEmulation()
        defer { emulation.stop() }
        try record("github-issue-walk", with: try githubRecorder(emulation), origin: emulation.baseURL) { client in
            try client.initialize()
            try client.request("tools/list")
            let first = try client.callTool(
                "github_issues_list", ["owner": Self.owner, "repo": Self.repository, "limit": 4])
            let cursor = try #require(first["structuredContent"]?["next_cursor"])
            let rest = try client.callTool(
                "github_issues_list", ["next_cursor": cursor, "limit": 8], meta: ["progressToken": "walk"])
            #expect(rest["structuredContent"]?["items"]?.arrayValue?.count == 7)
            #expect(rest["structuredContent"]?["has_more"] == false)
            try client.callTool(
                "github_issues_list",
                ["owner": Self.owner, "repo": Self.repository, "limit": 2, "fields": ["number", "title", "labels"]])
            #expect(client.notifications.contains { $0["method"] == "notifications/progress" })
        }
        #expect(emulation.requests.count == 4)
        #expect(
            emulation.requests.allSatisfy { $0.header("Authorization") == "Bearer " + RecordingSecrets.githubToken })
    }

    @Test("records a 429 with Retry-After: 1 absorbed by a retry", .enabled(if: enabled))
    func rateLimit() throws {
        let emulation = try GitHubEmulation(rateLimitedOnce: ["\(GitHubEmulation.owner)/\(GitHubEmulation.repository)"])
        defer { emulation.stop() }
        try record("github-rate-limit", with: try githubRecorder(emulation), origin: emulation.baseURL) { client in
            try client.initialize()
            try client.request("tools/list")
            let result = try client.callTool(
                "github_repositories_get", ["owner": Self.owner, "repo": Self.repository])
            #expect(result["isError"] == false)
        }
        #expect(emulation.requests.count == 2)
        #expect(emulation.rateLimitsServed)
    }

    @Test("records an OAuth2 refresh-token flow with rotation and a 401 that forces a refresh", .enabled(if: enabled))
    func oauthRotation() throws {
        let emulation = try AcmeOAuthEmulation(accessTokenUses: 1)
        defer { emulation.stop() }
        let recorder = SessionRecorder(
            integrationFiles: ["acme.json": AcmeOAuthEmulation.integrationFile],
            environment: [
                "ACME_URL": emulation.baseURL, "ACME_CLIENT_SECRET": RecordingSecrets.acmeClientSecret,
                "ACME_REFRESH_TOKEN": RecordingSecrets.acmeRefreshTokens[0],
            ],
            replayEnvironment: ["ACME_URL": RepositoryLayout.fixtureOrigin])
        try record("oauth-refresh-rotation", with: recorder, origin: emulation.baseURL) { client in
            try client.initialize(revision: "2025-11-25")
            try client.request("tools/list")
            for id in ["c_1001", "c_1002"] {
                #expect(try client.callTool("acme_contacts_get", ["id": .string(id)])["isError"] == false)
            }
            #expect(try client.callTool("acme_contacts_list", [:])["isError"] == false)
        }
        #expect(emulation.refreshesGranted == 3)
    }

    @Test("records argument validation errors that send no HTTP request", .enabled(if: enabled))
    func validationError() throws {
        let emulation = try GitHubEmulation()
        defer { emulation.stop() }
        try record("validation-error", with: try githubRecorder(emulation), origin: emulation.baseURL) { client in
            try client.initialize(revision: "2025-03-26")
            try client.request("tools/list")
            let result = try client.callTool(
                "github_issues_list", ["owner": Self.owner, "state": "stale", "limit": 0])
            #expect(result["isError"] == true)
            try client.request("tools/call", params: ["name": "github_no_such_tool", "arguments": [:]])
            try client.send(raw: "this is not JSON", responses: 1)
        }
        #expect(emulation.requests.isEmpty)
    }

    @Test("records vendor 404s in both protocol eras", .enabled(if: enabled))
    func vendorNotFound() throws {
        let emulation = try GitHubEmulation()
        defer { emulation.stop() }
        try record("vendor-not-found", with: try githubRecorder(emulation), origin: emulation.baseURL) { client in
            try client.initialize()
            try client.request("tools/list")
            let missing = try client.callTool(
                "github_issues_get", ["owner": Self.owner, "repo": Self.repository, "issue_number": 9999])
            #expect(missing["structuredContent"]?["error"]?["type"] == "not_found")
            let modern = try client.callTool(
                "github_repositories_get", ["owner": Self.owner, "repo": "missing"],
                meta: [
                    "io.modelcontextprotocol/protocolVersion": "2026-07-28",
                    "io.modelcontextprotocol/clientCapabilities": [:],
                ])
            #expect(modern["isError"] == true)
        }
        #expect(emulation.requests.count == 2)
    }

    private func vendorRecorder(
        _ file: String, from path: String, variable: String, url: String, credentials: [String: String]
    ) throws -> SessionRecorder {
        SessionRecorder(
            integrationFiles: [file: try String(contentsOfFile: path, encoding: .utf8)],
            environment: credentials.merging([variable: url]) { $1 },
            replayEnvironment: [variable: RepositoryLayout.fixtureOrigin])
    }

    @Test("records a Slack channel walk over cursor pages and an ok:false failure", .enabled(if: enabled))
    func slackChannels() throws {
        let emulation = try SlackEmulation(token: RecordingSecrets.slackToken, channels: SlackEmulation.harborChannels)
        defer { emulation.stop() }
        let recorder = try vendorRecorder(
            "slack.json", from: RepositoryLayout.slackIntegration, variable: "SLACK_API_URL", url: emulation.baseURL,
            credentials: ["SLACK_BOT_TOKEN": RecordingSecrets.slackToken])
        try record("slack-channels", with: recorder, origin: emulation.baseURL) { client in
            try client.initialize()
            try client.request("tools/list")
            let first = try client.callTool("slack_conversations_list", ["limit": 2])
            #expect(first["structuredContent"]?["has_more"] == true)
            let cursor = try #require(first["structuredContent"]?["next_cursor"])
            let rest = try client.callTool("slack_conversations_list", ["next_cursor": cursor, "limit": 2])
            #expect(rest["structuredContent"]?["items"]?.arrayValue?.count == 1)
            #expect(rest["structuredContent"]?["has_more"] == false)
            let failed = try client.callTool(
                "slack_chat_post_message", ["channel": "C0NOSUCH1", "text": "Deploy finished"])
            #expect(failed["isError"] == true)
            #expect(failed["structuredContent"]?["error"]?["type"] == "not_found")
        }
        #expect(emulation.requests.count == 3)
        #expect(
            emulation.requests.allSatisfy { $0.header("Authorization") == "Bearer " + RecordingSecrets.slackToken })
    }

    @Test("records Stripe customers over starting_after pages, a form-encoded create and a 404", .enabled(if: enabled))
    func stripeCustomers() throws {
        let emulation = try StripeEmulation(key: RecordingSecrets.stripeKey, customers: StripeEmulation.harborCustomers)
        defer { emulation.stop() }
        let recorder = try vendorRecorder(
            "stripe.json", from: RepositoryLayout.stripeIntegration, variable: "STRIPE_API_URL",
            url: emulation.baseURL, credentials: ["STRIPE_API_KEY": RecordingSecrets.stripeKey])
        try record("stripe-customers", with: recorder, origin: emulation.baseURL) { client in
            try client.initialize()
            try client.request("tools/list")
            let first = try client.callTool("stripe_customers_list", ["limit": 2])
            #expect(first["structuredContent"]?["has_more"] == true)
            let cursor = try #require(first["structuredContent"]?["next_cursor"])
            let rest = try client.callTool("stripe_customers_list", ["next_cursor": cursor, "limit": 2])
            #expect(rest["structuredContent"]?["items"]?.arrayValue?.count == 1)
            #expect(rest["structuredContent"]?["has_more"] == false)
            let created = try client.callTool(
                "stripe_customers_create", ["email": "mary@harbor.example.org", "name": "Mary Jackson"])
            #expect(created["isError"] == false)
            let missing = try client.callTool("stripe_customers_get", ["customer_id": "cus_x"])
            #expect(missing["isError"] == true)
            #expect(missing["structuredContent"]?["error"]?["type"] == "not_found")
        }
        #expect(emulation.requests.count == 4)
        #expect(emulation.requests.filter { $0.method == "POST" }.allSatisfy { $0.header("Idempotency-Key") != nil })
        #expect(emulation.requests.allSatisfy { $0.header("Authorization") == "Bearer " + RecordingSecrets.stripeKey })
    }

    @Test("records the demo session, moved to https://api.github.com", .enabled(if: enabled))
    func demo() throws {
        let emulation = try GitHubEmulation(rateLimitedOnce: ["\(GitHubEmulation.owner)/\(GitHubEmulation.repository)"])
        defer { emulation.stop() }
        var recorder = try githubRecorder(emulation)
        recorder.replayEnvironment = [:]
        recorder.sharedIntegrations = "../github.json"
        let rewriter = OriginRewriter(from: emulation.baseURL, to: RepositoryLayout.demoOrigin)
        try recorder.record(into: RepositoryLayout.demoSession, rewriting: rewriter) { client in
            try client.initialize()
            try client.request("tools/list")
            let first = try client.callTool(
                "github_issues_list", ["owner": Self.owner, "repo": Self.repository, "limit": 5])
            let cursor = try #require(first["structuredContent"]?["next_cursor"])
            try client.callTool("github_issues_list", ["next_cursor": cursor, "limit": 5])
            #expect(
                try client.callTool("github_repositories_get", ["owner": Self.owner, "repo": Self.repository])[
                    "isError"] == false)
            try client.callTool(
                "github_issues_get", ["owner": Self.owner, "repo": Self.repository, "issue_number": 9999])
            try client.callTool("github_issues_list", ["owner": Self.owner, "state": "stale"])
        }
        #expect(emulation.rateLimitsServed)
        try expectReplays(RepositoryLayout.demoSession)
    }
}
