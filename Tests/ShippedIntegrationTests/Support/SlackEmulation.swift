import Foundation
import JSON
import Synchronization
import TestSupport

/// An in-process Slack Web API at `/api/<method>` with Slack's real shapes: every answer is HTTP
/// 200 with `ok`, failures carry `{"ok": false, "error": "<code>"}`, lists page with
/// `response_metadata.next_cursor` (an empty string on the last page) and, as Slack documents,
/// may hold fewer items than `limit` asked for (here at most ``pageCap``).
final class SlackEmulation: Sendable {
    /// The bot token the emulation accepts.
    static let token = "xoxb-1111-2222-emulated"
    /// The most items one emulated page holds, whatever `limit` says.
    static let pageCap = 2
    /// The public channels of the workspace, in Slack's order.
    static let channels: [JSONValue] = (1...5).map { number in
        let id = channelID(number)
        return [
            "id": .string(id), "name": .string("channel-\(number)"), "is_channel": true, "is_archived": false,
            "num_members": .int(Int64(number * 10)), "previous_names": .array([.string("old-\(number)")]),
            "shared_team_ids": ["T0001"],
            "topic": ["value": .string("Topic \(number)"), "creator": "U0001", "last_set": 0],
        ]
    }
    /// The members of the workspace.
    static let members: [JSONValue] = (1...3).map { number in
        [
            "id": .string("U000\(number)"), "name": .string("user\(number)"), "deleted": false, "color": "9f69e7",
            "profile": [
                "real_name": .string("User \(number)"), "image_24": "https://avatars.slack-edge.com/24.png",
                "image_512": "https://avatars.slack-edge.com/512.png", "avatar_hash": "ge3b51ca72de",
            ],
        ]
    }

    /// A one-shot switch shared with the route handlers.
    private final class OneShot: Sendable {
        private let armed: Mutex<Bool>

        init(armed: Bool) {
            self.armed = Mutex(armed)
        }

        /// True the first time after arming, false ever after.
        func fire() -> Bool {
            armed.withLock { flag in
                defer { flag = false }
                return flag
            }
        }
    }

    /// The server; stop it when the test ends.
    let server: LoopbackServer

    /// Starts the emulation; with `rateLimitFirstUsersList` the first `users.list` gets 429 and `Retry-After: 1`.
    init(rateLimitFirstUsersList: Bool = false) throws {
        let rateLimit = OneShot(armed: rateLimitFirstUsersList)
        var router = Router(fallback: { _ in .json(#"{"ok":false,"error":"unknown_method"}"#) })
        router.on("GET", "/api/conversations.list") { request, _ in
            Self.authorized(request) ?? Self.page(of: Self.channels, key: "channels", request: request)
        }
        router.on("GET", "/api/conversations.info") { request, _ in
            if let refusal = Self.authorized(request) { return refusal }
            guard let channel = Self.channels.first(where: { $0["id"]?.stringValue == request.queryValue("channel") })
            else { return Self.failure("channel_not_found") }
            return .json(JSONValue.object(["ok": true, "channel": channel]).encoded())
        }
        router.on("GET", "/api/users.list") { request, _ in
            if let refusal = Self.authorized(request) { return refusal }
            if rateLimit.fire() {
                return .json(429, #"{"ok":false,"error":"ratelimited"}"#, headers: [("Retry-After", "1")])
            }
            return Self.page(of: Self.members, key: "members", request: request)
        }
        router.on("POST", "/api/chat.postMessage") { request, _ in
            Self.authorized(request) ?? Self.postMessage(request)
        }
        server = try LoopbackServer(router: router)
    }

    /// The variables that point `Integrations/slack.json` at this emulation.
    var environment: [String: String] {
        ["SLACK_API_URL": server.url("/api"), "SLACK_BOT_TOKEN": Self.token]
    }

    /// The channel ID of a channel number, e.g. `C0000000003`.
    static func channelID(_ number: Int) -> String { "C000000000\(number)" }

    /// Slack's opaque cursor for the item at `offset` (base64, like Slack's own, `=` padding included).
    static func cursor(_ offset: Int) -> String { Data("channel:\(offset)".utf8).base64EncodedString() }

    private static func offset(of cursor: String?) -> Int? {
        guard let cursor, !cursor.isEmpty else { return 0 }
        guard let data = Data(base64Encoded: cursor), let text = String(data: data, encoding: .utf8),
            text.hasPrefix("channel:")
        else { return nil }
        return Int(text.dropFirst("channel:".count))
    }

    private static func authorized(_ request: ReceivedRequest) -> ServerReply? {
        guard let header = request.header("Authorization") else { return failure("not_authed") }
        return header == "Bearer \(token)" ? nil : failure("invalid_auth")
    }

    private static func failure(_ code: String) -> ServerReply {
        .json(JSONValue.object(["ok": false, "error": .string(code)]).encoded())
    }

    private static func page(of records: [JSONValue], key: String, request: ReceivedRequest) -> ServerReply {
        guard let start = offset(of: request.queryValue("cursor")), start <= records.count else {
            return failure("invalid_cursor")
        }
        guard let limit = Int(request.queryValue("limit") ?? "100"), limit > 0 else { return failure("invalid_limit") }
        let end = min(records.count, start + min(limit, pageCap))
        let next = end < records.count ? cursor(end) : ""
        let body: JSONValue = [
            "ok": true, key: .array(Array(records[start..<end])),
            "response_metadata": ["next_cursor": .string(next)],
        ]
        return .json(body.encoded())
    }

    private static func postMessage(_ request: ReceivedRequest) -> ServerReply {
        guard request.header("Content-Type")?.hasPrefix("application/json") == true,
            let body = try? JSONParser.parse(request.body), let channel = body["channel"]?.stringValue
        else { return failure("invalid_arguments") }
        if channel == "C0ARCHIVED" { return failure("is_archived") }
        guard body["text"]?.stringValue?.isEmpty == false || body["blocks"] != nil else { return failure("no_text") }
        let ts = "1712345678.000900"
        var message: JSONObject = ["type": "message", "user": "U0BOT", "ts": .string(ts)]
        message["text"] = body["text"] ?? ""
        if let thread = body["thread_ts"] { message["thread_ts"] = thread }
        let reply: JSONValue = [
            "ok": true, "channel": .string(channel), "ts": .string(ts), "message": .object(message),
        ]
        return .json(reply.encoded())
    }
}
