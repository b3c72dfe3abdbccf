import Foundation
import JSON

/// A loopback emulation of the Slack Web API slice the recorded sessions use: three channels
/// listed by `GET /conversations.list` in cursor pages (`response_metadata.next_cursor`, empty on
/// the last page), and `POST /chat.postMessage`, which answers HTTP 200 with
/// `{"ok":false,"error":"channel_not_found"}` for a channel it does not know — Slack's way of
/// failing. Every call checks the bot token and answers `invalid_auth` without it.
package final class SlackEmulation: Sendable {
    private let server: LoopbackServer

    /// Starts the emulation, expecting `Authorization: Bearer <token>`.
    package init(token: String = RecordingSecrets.slackToken) throws {
        var router = Router()
        let expected = "Bearer " + token
        router.on("GET", "/conversations.list") { request, _ in
            request.header("Authorization") == expected ? Self.conversationsPage(request) : Self.invalidAuth
        }
        router.on("POST", "/chat.postMessage") { request, _ in
            guard request.header("Authorization") == expected else { return Self.invalidAuth }
            let channel = (try? JSONParser.parse(request.body))?["channel"]?.stringValue ?? ""
            guard let known = Self.channels.first(where: { $0.id == channel }) else {
                return .json(#"{"ok":false,"error":"channel_not_found"}"#)
            }
            return .json(
                JSONValue.object([
                    "ok": true, "channel": .string(known.id), "ts": "1767225600.000200",
                    "message": ["type": "message", "text": "posted", "ts": "1767225600.000200"],
                ]).encoded())
        }
        server = try LoopbackServer(router: router)
    }

    /// `http://127.0.0.1:PORT`, to set as `SLACK_API_URL`.
    package var baseURL: String { server.baseURL }

    /// Every request received so far.
    package var requests: [ReceivedRequest] { server.requests }

    /// Stops the server.
    package func stop() { server.stop() }

    /// Slack's answer to a missing or wrong token (HTTP 200, like every Slack failure).
    static let invalidAuth = ServerReply.json(#"{"ok":false,"error":"invalid_auth"}"#)

    /// The workspace's public channels, in listing order.
    static let channels: [(id: String, name: String, purpose: String, members: Int)] = [
        ("C061EG9SL", "general", "Company-wide announcements", 142),
        ("C061EG9T2", "harbor-dev", "Building the harbor service mesh", 17),
        ("C061FA5PB", "incidents", "Paging and postmortems", 38),
    ]

    /// One page of channels: `cursor` is the opaque position Slack handed out (base64 of
    /// `team:<next channel id>`), `limit` the page size.
    static func conversationsPage(_ request: ReceivedRequest) -> ServerReply {
        let limit = min(200, max(1, Int(request.queryValue("limit") ?? "") ?? 100))
        var start = 0
        if let cursor = request.queryValue("cursor"), !cursor.isEmpty {
            let decoded = Data(base64Encoded: cursor).map { String(decoding: $0, as: UTF8.self) } ?? ""
            guard decoded.hasPrefix("team:"),
                let index = channels.firstIndex(where: { "team:" + $0.id == decoded })
            else { return .json(#"{"ok":false,"error":"invalid_cursor"}"#) }
            start = index
        }
        let slice = channels.dropFirst(start).prefix(limit)
        let next = start + slice.count < channels.count ? Data(("team:" + channels[start + slice.count].id).utf8) : nil
        let page: JSONValue = [
            "ok": true,
            "channels": .array(slice.map(channelJSON)),
            "response_metadata": ["next_cursor": .string(next?.base64EncodedString() ?? "")],
        ]
        return .json(page.encoded())
    }

    /// A channel as `conversations.list` returns it.
    static func channelJSON(_ channel: (id: String, name: String, purpose: String, members: Int)) -> JSONValue {
        [
            "id": .string(channel.id), "name": .string(channel.name), "is_channel": true, "is_group": false,
            "is_im": false, "is_mpim": false, "is_private": false, "created": 1_700_000_000, "is_archived": false,
            "is_general": .bool(channel.name == "general"), "unlinked": 0,
            "name_normalized": .string(channel.name), "is_shared": false, "is_org_shared": false,
            "is_pending_ext_shared": false, "pending_shared": [], "context_team_id": "T061EG9R6",
            "creator": "U061F7AUR", "is_ext_shared": false, "shared_team_ids": ["T061EG9R6"],
            "pending_connected_team_ids": [], "is_member": true,
            "topic": ["value": "", "creator": "", "last_set": 0],
            "purpose": ["value": .string(channel.purpose), "creator": "U061F7AUR", "last_set": 1_700_000_000],
            "previous_names": [], "num_members": .int(Int64(channel.members)),
        ]
    }
}
