import Foundation
import JSON

/// A loopback emulation of the Slack Web API under `/api`, with Slack's real shapes: every answer
/// is HTTP 200 with `ok`, failures carry `{"ok": false, "error": "<code>"}` (`not_authed` without a
/// token, `invalid_auth` with a wrong one), and lists page with `response_metadata.next_cursor`
/// (an empty string on the last page) holding, as Slack documents, possibly fewer items than
/// `limit` asked for (here at most ``pageCap``).
///
/// Methods: `conversations.list`, `conversations.info`, `users.list` (optionally rate-limited
/// once with 429 and `Retry-After: 1`) and `chat.postMessage` (`channel_not_found` for a channel
/// the workspace does not hold, `is_archived` for ``archivedChannelID``). The recorded sessions and
/// the shipped-integration tests both drive it; only the channels differ (``Channel``).
package final class SlackEmulation: Sendable {
    /// The bot token the emulation accepts unless told otherwise.
    package static let token = "xoxb-1111-2222-emulated"
    /// The most items one emulated page holds, whatever `limit` says.
    package static let pageCap = 2
    /// A channel that exists but is archived: posting to it is `is_archived`.
    package static let archivedChannelID = "C0ARCHIVED"
    /// The `ts` of every message `chat.postMessage` posts.
    private static let postedTS = "1712345678.000900"

    private let server: LoopbackServer
    private let token: String
    private let channels: [Channel]

    /// Starts the emulation with the workspace's `channels`, expecting `Authorization: Bearer <token>`;
    /// with `rateLimitFirstUsersList` the first `users.list` gets 429 and `Retry-After: 1`.
    package init(
        token: String = SlackEmulation.token, channels: [Channel] = SlackEmulation.numberedChannels,
        rateLimitFirstUsersList: Bool = false
    ) throws {
        self.token = token
        self.channels = channels
        let rateLimit = SharedValue(rateLimitFirstUsersList)
        let expected = "Bearer " + token
        let listed = channels.map { (id: $0.id, json: $0.json) }
        let known = Set(channels.map(\.id))
        var router = Router(fallback: { _ in Self.failure("unknown_method") })
        router.on("GET", "/api/conversations.list") { request, _ in
            Self.authorized(request, expected)
                ?? Self.page(of: listed, key: "channels", cursorPrefix: Self.channelCursorPrefix, request: request)
        }
        router.on("GET", "/api/conversations.info") { request, _ in
            if let refusal = Self.authorized(request, expected) { return refusal }
            guard let channel = channels.first(where: { $0.id == request.queryValue("channel") }) else {
                return Self.failure("channel_not_found")
            }
            return .json(JSONValue.object(["ok": true, "channel": channel.json]).encoded())
        }
        router.on("GET", "/api/users.list") { request, _ in
            if let refusal = Self.authorized(request, expected) { return refusal }
            let limited = rateLimit.withLock { armed in
                defer { armed = false }
                return armed
            }
            if limited {
                return .json(429, #"{"ok":false,"error":"ratelimited"}"#, headers: [("Retry-After", "1")])
            }
            return Self.page(of: Self.members, key: "members", cursorPrefix: Self.memberCursorPrefix, request: request)
        }
        router.on("POST", "/api/chat.postMessage") { request, _ in
            Self.authorized(request, expected) ?? Self.postMessage(request, known: known)
        }
        server = try LoopbackServer(router: router)
    }

    /// `http://127.0.0.1:PORT/api`, to set as `SLACK_API_URL`.
    package var baseURL: String { server.url("/api") }

    /// The variables that point `Integrations/slack.json` at this emulation, with its token.
    package var environment: [String: String] { ["SLACK_API_URL": baseURL, "SLACK_BOT_TOKEN": token] }

    /// Every request received so far.
    package var requests: [ReceivedRequest] { server.requests }

    /// Stops the server.
    package func stop() { server.stop() }

    /// The cursor `conversations.list` hands out after the first `offset` channels.
    package func cursor(_ offset: Int) -> String { Self.cursor(Self.channelCursorPrefix, channels[offset].id) }

    /// The cursor `users.list` hands out after the first `offset` members.
    package func memberCursor(_ offset: Int) -> String {
        Self.cursor(Self.memberCursorPrefix, Self.members[offset].id)
    }

    private static let channelCursorPrefix = "team:"
    private static let memberCursorPrefix = "user:"

    /// Slack's opaque cursor, as Slack's own look: base64 of `team:<first channel of the next page>`
    /// (`user:<member>` for members), `=` padding included.
    private static func cursor(_ prefix: String, _ id: String) -> String {
        Data((prefix + id).utf8).base64EncodedString()
    }

    private static func authorized(_ request: ReceivedRequest, _ expected: String) -> ServerReply? {
        guard let header = request.header("Authorization") else { return failure("not_authed") }
        return header == expected ? nil : failure("invalid_auth")
    }

    private static func failure(_ code: String) -> ServerReply {
        .json(JSONValue.object(["ok": false, "error": .string(code)]).encoded())
    }

    /// One page of `records` from the request's `cursor`, at most `limit` and ``pageCap`` long.
    private static func page(
        of records: [(id: String, json: JSONValue)], key: String, cursorPrefix: String, request: ReceivedRequest
    ) -> ServerReply {
        var start = 0
        if let cursor = request.queryValue("cursor"), !cursor.isEmpty {
            let decoded = Data(base64Encoded: cursor).map { String(decoding: $0, as: UTF8.self) } ?? ""
            guard let index = records.firstIndex(where: { cursorPrefix + $0.id == decoded }) else {
                return failure("invalid_cursor")
            }
            start = index
        }
        guard let limit = Int(request.queryValue("limit") ?? "100"), limit > 0 else { return failure("invalid_limit") }
        let end = min(records.count, start + min(limit, pageCap))
        let next = end < records.count ? Self.cursor(cursorPrefix, records[end].id) : ""
        let body: JSONValue = [
            "ok": true, key: .array(records[start..<end].map(\.json)),
            "response_metadata": ["next_cursor": .string(next)],
        ]
        return .json(body.encoded())
    }

    private static func postMessage(_ request: ReceivedRequest, known: Set<String>) -> ServerReply {
        guard request.header("Content-Type")?.hasPrefix("application/json") == true,
            let body = try? JSONParser.parse(request.body), let channel = body["channel"]?.stringValue
        else { return failure("invalid_arguments") }
        if channel == archivedChannelID { return failure("is_archived") }
        guard known.contains(channel) else { return failure("channel_not_found") }
        guard body["text"]?.stringValue?.isEmpty == false || body["blocks"] != nil else { return failure("no_text") }
        var message: JSONObject = ["type": "message", "user": "U0BOT", "ts": .string(postedTS)]
        message["text"] = body["text"] ?? ""
        if let thread = body["thread_ts"] { message["thread_ts"] = thread }
        let reply: JSONValue = [
            "ok": true, "channel": .string(channel), "ts": .string(postedTS), "message": .object(message),
        ]
        return .json(reply.encoded())
    }
}
