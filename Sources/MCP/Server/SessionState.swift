/// The little state a legacy-era client creates: the negotiated revision and whether it said
/// `notifications/initialized`. Modern requests neither read nor change it.
struct SessionState: Sendable {
    /// The revision `initialize` negotiated, or `nil` before (or without) `initialize`.
    var negotiated: ProtocolRevision?
    /// Whether `notifications/initialized` arrived.
    var initializedNotified = false

    /// The revision legacy requests are answered under: the negotiated one, else the newest.
    var legacyRevision: ProtocolRevision { negotiated ?? .newestLegacy }

    /// Whether `notifications/tools/list_changed` may be sent: initialized, legacy era.
    var wantsListChanged: Bool { negotiated != nil && initializedNotified }
}
