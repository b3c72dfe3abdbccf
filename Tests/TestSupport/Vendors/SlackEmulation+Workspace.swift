import JSON

extension SlackEmulation {
    /// One public channel of the emulated workspace.
    package struct Channel: Sendable {
        /// The channel ID, e.g. `C061EG9SL`.
        package let id: String
        /// The channel name, without `#`.
        package let name: String
        /// The purpose text.
        package let purpose: String
        /// The topic text (empty when none was set).
        package let topic: String
        /// The names the channel had before.
        package let previousNames: [String]
        /// The member count.
        package let members: Int

        /// The channel as `conversations.list` and `conversations.info` return it, noise included.
        var json: JSONValue {
            [
                "id": .string(id), "name": .string(name), "is_channel": true, "is_group": false,
                "is_im": false, "is_mpim": false, "is_private": false, "created": 1_700_000_000, "is_archived": false,
                "is_general": .bool(name == "general"), "unlinked": 0,
                "name_normalized": .string(name), "is_shared": false, "is_org_shared": false,
                "is_pending_ext_shared": false, "pending_shared": [], "context_team_id": "T061EG9R6",
                "creator": "U061F7AUR", "is_ext_shared": false, "shared_team_ids": ["T061EG9R6"],
                "pending_connected_team_ids": [], "is_member": true,
                "topic": [
                    "value": .string(topic), "creator": .string(topic.isEmpty ? "" : "U061F7AUR"),
                    "last_set": .int(topic.isEmpty ? 0 : 1_700_000_000),
                ],
                "purpose": ["value": .string(purpose), "creator": "U061F7AUR", "last_set": 1_700_000_000],
                "previous_names": .array(previousNames.map(JSONValue.string)), "num_members": .int(Int64(members)),
            ]
        }
    }

    /// The harbor team's three channels, in listing order: the workspace of the recorded sessions
    /// (`Tests/Fixtures/sessions/slack-channels` holds them byte for byte).
    package static let harborChannels: [Channel] = [
        Channel(
            id: "C061EG9SL", name: "general", purpose: "Company-wide announcements", topic: "", previousNames: [],
            members: 142),
        Channel(
            id: "C061EG9T2", name: "harbor-dev", purpose: "Building the harbor service mesh", topic: "",
            previousNames: [], members: 17),
        Channel(
            id: "C061FA5PB", name: "incidents", purpose: "Paging and postmortems", topic: "", previousNames: [],
            members: 38),
    ]

    /// Five numbered channels (``channelID(_:)``, `channel-N`, topic `Topic N`, formerly `old-N`):
    /// enough for a walk over three short pages.
    package static let numberedChannels: [Channel] = (1...5).map { number in
        Channel(
            id: channelID(number), name: "channel-\(number)", purpose: "Channel \(number)", topic: "Topic \(number)",
            previousNames: ["old-\(number)"], members: number * 10)
    }

    /// The ID of numbered channel `number`, e.g. `C0000000003`.
    package static func channelID(_ number: Int) -> String { "C000000000\(number)" }

    /// The members of the workspace, as `users.list` returns them (avatar noise included).
    package static let members: [(id: String, json: JSONValue)] = (1...3).map { number in
        let id = "U000\(number)"
        let json: JSONValue = [
            "id": .string(id), "name": .string("user\(number)"), "deleted": false, "color": "9f69e7",
            "profile": [
                "real_name": .string("User \(number)"), "image_24": "https://avatars.slack-edge.com/24.png",
                "image_512": "https://avatars.slack-edge.com/512.png", "avatar_hash": "ge3b51ca72de",
            ],
        ]
        return (id, json)
    }
}
