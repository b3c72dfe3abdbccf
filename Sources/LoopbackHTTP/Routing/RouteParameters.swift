/// The path segments a route pattern captured, e.g. `owner` and `repo` from `/repos/{owner}/{repo}`.
package struct RouteParameters: Sendable {
    /// Captured segments exactly as sent, still percent-encoded (`a%2Fb`).
    package let raw: [String: String]

    /// Creates parameters from raw captured segments.
    package init(raw: [String: String]) {
        self.raw = raw
    }

    /// The percent-decoded value of capture `name` (`a%2Fb` becomes `a/b`), or nil if there is none.
    package subscript(_ name: String) -> String? {
        raw[name].map { PercentDecoding.decode($0) }
    }
}
