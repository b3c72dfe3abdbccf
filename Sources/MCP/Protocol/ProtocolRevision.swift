/// A revision of the MCP specification this server speaks, and what each one may carry.
///
/// Revisions are dates and sort as such. The four *legacy* revisions are negotiated once with
/// `initialize`; the *modern* revision 2026-07-28 is stateless and declared on every request in
/// `params._meta["io.modelcontextprotocol/protocolVersion"]`.
package enum ProtocolRevision: String, Sendable, CaseIterable, Comparable {
    /// The first dated revision: tools without annotations, no structured content.
    case v2024_11_05 = "2024-11-05"
    /// Adds tool `annotations` and JSON-RPC batches (this revision only).
    case v2025_03_26 = "2025-03-26"
    /// Adds tool `title`, `outputSchema`, `structuredContent`, `serverInfo.title`; drops batches.
    case v2025_06_18 = "2025-06-18"
    /// The newest legacy revision: the answer to any version the server does not know.
    case v2025_11_25 = "2025-11-25"
    /// The stateless modern revision (`server/discover`, per-request `_meta`, `resultType`).
    case v2026_07_28 = "2026-07-28"

    /// The revisions negotiated through `initialize`, oldest first.
    package static let legacy: [ProtocolRevision] = [.v2024_11_05, .v2025_03_26, .v2025_06_18, .v2025_11_25]
    /// The stateless revisions accepted in a request's `_meta`, newest first.
    package static let modern: [ProtocolRevision] = [.v2026_07_28]
    /// The revision used for a legacy client that asks for something unknown or never initializes.
    package static let newestLegacy = ProtocolRevision.v2025_11_25

    /// Whether this revision is stateless (declared per request).
    package var isModern: Bool { self >= .v2026_07_28 }

    /// The legacy revision `initialize` answers for a requested version: the same one when it is a
    /// legacy revision, else (a future date, a modern revision, garbage) ``newestLegacy``.
    package static func negotiate(_ requested: String?) -> ProtocolRevision {
        guard let requested, let revision = ProtocolRevision(rawValue: requested), !revision.isModern else {
            return newestLegacy
        }
        return revision
    }

    /// Whether tool definitions carry `annotations`.
    var hasToolAnnotations: Bool { self >= .v2025_03_26 }
    /// Whether tool definitions carry `title` and `outputSchema`, results carry
    /// `structuredContent`, and `serverInfo` carries `title`.
    var hasTitlesAndStructuredContent: Bool { self >= .v2025_06_18 }
    /// Whether `structuredContent` may be any JSON value rather than only an object.
    var allowsAnyStructuredContent: Bool { isModern }
    /// Whether JSON-RPC batches are accepted.
    var acceptsBatches: Bool { self == .v2025_03_26 }

    /// Orders revisions by date.
    package static func < (lhs: ProtocolRevision, rhs: ProtocolRevision) -> Bool { lhs.rawValue < rhs.rawValue }
}
