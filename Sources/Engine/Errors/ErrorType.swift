/// The normalised failure types of DESIGN.md §5; the raw value is the wire name.
package enum ErrorType: String, Sendable, Hashable, CaseIterable {
    /// Arguments failed the input schema, or the vendor answered 400.
    case invalidArguments = "invalid_arguments"
    /// A `next_cursor` was mangled, foreign or points off-origin.
    case invalidCursor = "invalid_cursor"
    /// A write was refused under `--read-only`.
    case readOnly = "read_only"
    /// The vendor answered 401 after any refresh.
    case unauthorized
    /// The stored grant is dead; a human must authorise again.
    case reauthRequired = "reauth_required"
    /// 403.
    case forbidden
    /// 404.
    case notFound = "not_found"
    /// 409.
    case conflict
    /// 422.
    case unprocessable
    /// 429, or a wait longer than allowed.
    case rateLimited = "rate_limited"
    /// 5xx, a refused redirect, a pagination loop, or a vendor failure reported in a 2xx body.
    case upstreamError = "upstream_error"
    /// The call's `timeout_ms` elapsed.
    case timeout
    /// The connection failed or broke.
    case network
    /// A 2xx body that is not the JSON the operation expects.
    case invalidResponse = "invalid_response"
    /// The vendor's response exceeded the size the engine accepts.
    case tooLarge = "too_large"
    /// Replay found no recorded exchange for a request.
    case replayMiss = "replay_miss"
    /// The call was cancelled (by the client, or because the server is shutting down) before it
    /// finished; a write may or may not have reached the vendor.
    case cancelled
    /// A person was asked to confirm the call and did not (declined, dismissed, or no answer came);
    /// nothing was sent.
    case declined
    /// The call needs a person's confirmation and this client cannot ask one; nothing was sent.
    case confirmationRequired = "confirmation_required"
    /// The shared state store (`--state-store`) cannot be reached; nothing was sent to the vendor.
    case unavailable

    /// Whether a later identical call may succeed without any change.
    package var isRetryable: Bool {
        switch self {
        case .rateLimited, .upstreamError, .timeout, .network, .cancelled, .unavailable: return true
        default: return false
        }
    }

    /// The type a vendor status maps to, or `nil` for 2xx and 3xx.
    package static func forStatus(_ status: Int) -> ErrorType? {
        switch status {
        case 400: return .invalidArguments
        case 401: return .unauthorized
        case 403: return .forbidden
        case 404, 410: return .notFound
        case 409: return .conflict
        case 422: return .unprocessable
        case 429: return .rateLimited
        case 413: return .tooLarge
        // A status the table does not name (418, 441, 461, …) is the vendor's business, not the
        // model's arguments: invalid_arguments means only validation or a vendor 400.
        case 402...499, 500...599: return .upstreamError
        default: return nil
        }
    }
}
