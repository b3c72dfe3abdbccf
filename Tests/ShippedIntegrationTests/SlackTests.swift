import Engine
import Foundation
import JSON
import TestSupport
import Testing

@Suite struct SlackTests {
    private func load(_ slack: SlackEmulation) throws -> ShippedIntegration {
        try ShippedIntegration(file: "slack.json", environment: slack.environment)
    }

    @Test("conversations list walks Slack's short pages by cursor, sending limit, types and the bot token")
    func listWalksCursorPages() async throws {
        let slack = try SlackEmulation()
        defer { slack.stop() }
        let outcome = try await load(slack).call(
            "slack_conversations_list", #"{"limit": 5, "types": ["public_channel", "private_channel"]}"#)

        #expect(!outcome.isError, "\(outcome.text)")
        let items = outcome.structured?["items"]?.arrayValue ?? []
        #expect(items.compactMap { $0["id"]?.stringValue } == (1...5).map(SlackEmulation.channelID))
        #expect(outcome.structured?["has_more"] == .bool(false))
        #expect(outcome.structured?["next_cursor"] == nil)
        #expect(items.allSatisfy { $0["previous_names"] == nil && $0["shared_team_ids"] == nil })
        #expect(items.first?["topic"]?["value"] == "Topic 1")

        let requests = slack.requests
        #expect(requests.map(\.path) == Array(repeating: "/api/conversations.list", count: 3))
        #expect(requests.map { $0.queryValue("limit") } == ["5", "3", "1"])
        #expect(requests.map { $0.queryValue("cursor") } == [nil, slack.cursor(2), slack.cursor(4)])
        #expect(requests.allSatisfy { $0.queryValue("types") == "public_channel,private_channel" })
        #expect(requests.allSatisfy { $0.header("Authorization") == "Bearer \(SlackEmulation.token)" })
    }

    @Test("a list cut by the limit resumes from next_cursor without losing or repeating a channel")
    func listResumesFromCursor() async throws {
        let slack = try SlackEmulation()
        defer { slack.stop() }
        let integration = try load(slack)
        let first = try await integration.call("slack_conversations_list", #"{"limit": 3}"#)
        let firstIDs = first.structured?["items"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
        #expect(firstIDs == (1...3).map(SlackEmulation.channelID))
        #expect(first.structured?["has_more"] == .bool(true))
        let token = try #require(first.structured?["next_cursor"]?.stringValue)

        let second = try await integration.call(
            "slack_conversations_list", #"{"limit": 10, "next_cursor": "\#(token)"}"#)
        let secondIDs = second.structured?["items"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
        #expect(secondIDs == (4...5).map(SlackEmulation.channelID))
        #expect(second.structured?["has_more"] == .bool(false))
        #expect(slack.requests.last?.queryValue("cursor") == slack.cursor(3))
    }

    @Test("conversations info returns Slack's channel object without the omitted fields")
    func infoReturnsChannel() async throws {
        let slack = try SlackEmulation()
        defer { slack.stop() }
        let id = SlackEmulation.channelID(2)
        let outcome = try await load(slack).call("slack_conversations_info", #"{"channel": "\#(id)"}"#)

        #expect(!outcome.isError, "\(outcome.text)")
        #expect(outcome.structured?["ok"] == .bool(true))
        #expect(outcome.structured?["channel"]?["name"] == "channel-2")
        #expect(outcome.structured?["channel"]?["previous_names"] == nil)
        #expect(slack.requests.first?.queryValue("channel") == id)
    }

    @Test("an ok:false body with channel_not_found becomes a not_found error carrying Slack's code")
    func okFalseBecomesTypedError() async throws {
        let slack = try SlackEmulation()
        defer { slack.stop() }
        let outcome = try await load(slack).call("slack_conversations_info", #"{"channel": "C0MISSING"}"#)

        let error = try #require(outcome.error)
        #expect(error.type == .notFound)
        #expect(error.message == "channel_not_found")
        #expect(error.status == 200)
        #expect(error.retryable == false)
        #expect(error.vendor?["ok"] == .bool(false))
        #expect(slack.requests.count == 1)
    }

    @Test("a refused token is unauthorized even though Slack answers HTTP 200")
    func invalidAuthIsUnauthorized() async throws {
        let slack = try SlackEmulation()
        defer { slack.stop() }
        var environment = slack.environment
        environment["SLACK_BOT_TOKEN"] = "xoxb-wrong"
        let integration = try ShippedIntegration(file: "slack.json", environment: environment)
        let outcome = try await integration.call("slack_users_list", "{}")

        #expect(outcome.error?.type == .unauthorized)
        #expect(outcome.error?.message == "invalid_auth")
    }

    @Test("chat.postMessage sends a UTF-8 JSON body into the thread and returns the posted message")
    func postMessageSendsJSON() async throws {
        let slack = try SlackEmulation()
        defer { slack.stop() }
        let arguments =
            #"{"channel": "C0000000001", "text": "Déploiement terminé ✅", "thread_ts": "1712345600.000100"}"#
        let outcome = try await load(slack).call("slack_chat_post_message", arguments)

        #expect(!outcome.isError, "\(outcome.text)")
        #expect(outcome.structured?["ts"] == "1712345678.000900")
        let request = try #require(slack.requests.first)
        #expect(request.method == "POST")
        #expect(request.path == "/api/chat.postMessage")
        #expect(request.header("Content-Type") == "application/json; charset=utf-8")
        let body = try JSONParser.parse(request.body)
        #expect(body["channel"] == "C0000000001")
        #expect(body["text"] == "Déploiement terminé ✅")
        #expect(body["thread_ts"] == "1712345600.000100")
        #expect(body["reply_broadcast"] == nil)
    }

    @Test("posting to an archived channel is a conflict and is not sent twice")
    func archivedChannelIsConflict() async throws {
        let slack = try SlackEmulation()
        defer { slack.stop() }
        let outcome = try await load(slack).call("slack_chat_post_message", #"{"channel": "C0ARCHIVED", "text": "hi"}"#)

        #expect(outcome.error?.type == .conflict)
        #expect(outcome.error?.message == "is_archived")
        #expect(slack.requests.count == 1)
    }

    @Test("a 429 with Retry-After is waited out and retried; avatar fields are left out of members")
    func rateLimitIsRetried() async throws {
        let slack = try SlackEmulation(rateLimitFirstUsersList: true)
        defer { slack.stop() }
        let outcome = try await load(slack).call("slack_users_list", #"{"limit": 3}"#)

        #expect(!outcome.isError, "\(outcome.text)")
        let items = outcome.structured?["items"]?.arrayValue ?? []
        #expect(items.compactMap { $0["id"]?.stringValue } == ["U0001", "U0002", "U0003"])
        #expect(items.allSatisfy { $0["profile"]?["image_24"] == nil && $0["profile"]?["avatar_hash"] == nil })
        #expect(items.first?["profile"]?["real_name"] == "User 1")
        #expect(items.allSatisfy { $0["color"] == nil })
        let requests = slack.requests
        #expect(requests.count == 3)
        #expect(requests.map { $0.queryValue("cursor") } == [nil, nil, slack.memberCursor(2)])
    }
}
