/// The seam through which the engine obtains credentials: static secrets or OAuth2 tokens.
///
/// Providers are asked only for requests bound to the integration's own origin; the engine never
/// sends credentials anywhere else.
package protocol AuthProvider: Sendable {
    /// Adds credentials to a request (a header or a query parameter).
    func authorize(_ request: inout HTTPRequest, deadline: ContinuousClock.Instant) async throws(EngineError)

    /// Called after a 401; returns true when fresh credentials were obtained, so one replay makes sense.
    func refreshAfterUnauthorized(deadline: ContinuousClock.Instant) async throws(EngineError) -> Bool

    /// Every secret the provider knows right now (configured values and tokens learned at run time), for redaction.
    func secrets() -> [String]
}
