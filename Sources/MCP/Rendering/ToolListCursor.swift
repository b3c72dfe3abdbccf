import JSON

/// The opaque `tools/list` pagination cursor: the offset of the next tool, sealed with the
/// server's key (``TokenSealer``, purpose `tools-list`).
///
/// Opening is strict: anything this server did not seal (bad base64, another key or purpose, a
/// truncated or edited cursor, a non-canonical spelling) is refused, and the caller answers -32602.
enum ToolListCursor {
    private static let purpose = "tools-list"

    /// The cursor pointing at `offset` (the index of the first tool of the next page).
    static func encode(offset: Int, with sealer: TokenSealer) -> String {
        sealer.seal(Array(String(offset).utf8), purpose: purpose)
    }

    /// The offset a cursor points at, or `nil` when it is not a cursor this server sealed.
    static func decode(_ cursor: String, with sealer: TokenSealer) -> Int? {
        guard cursor.utf8.count <= 128, let payload = sealer.open(cursor, purpose: purpose),
            let offset = Int(String(decoding: payload, as: UTF8.self)), offset > 0
        else { return nil }
        return offset
    }
}
