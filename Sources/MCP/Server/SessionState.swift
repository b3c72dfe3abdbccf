/// The little state a legacy-era client creates: the negotiated revision and whether it said
/// `notifications/initialized`. Modern requests neither read nor change it.
struct SessionState: Sendable {
    /// The revision `initialize` negotiated, or `nil` before (or without) `initialize`.
    var negotiated: ProtocolRevision?
    /// Whether `notifications/initialized` arrived.
    var initializedNotified = false
    /// Whether the client declared form-mode elicitation in `initialize` (from 2025-06-18 on), so
    /// the server may send it `elicitation/create`.
    var clientElicits = false

    /// The revision legacy requests are answered under: the negotiated one, else the newest.
    var legacyRevision: ProtocolRevision { negotiated ?? .newestLegacy }

    /// Whether `notifications/tools/list_changed` may be sent: initialized, legacy era.
    var wantsListChanged: Bool { negotiated != nil && initializedNotified }

    /// Whether a confirmation may be asked with `elicitation/create`: an initialized client of a
    /// revision that has elicitation, which declared it.
    var canElicit: Bool { clientElicits && (negotiated ?? .v2024_11_05) >= .v2025_06_18 }
}
