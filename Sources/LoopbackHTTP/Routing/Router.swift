/// Dispatches requests to handlers by method and path pattern, for building vendor emulations.
///
/// Routes are tried in the order they were added; the first whose method and pattern match wins.
/// Unmatched requests get the fallback, by default `404 {"message":"no route"}`.
///
/// ```swift
/// var router = Router()
/// router.on("GET", "/repos/{owner}/{repo}/issues") { request, parameters in
///     .json(#"[{"title":"\#(parameters["repo"] ?? "")"}]"#)
/// }
/// let server = try LoopbackServer(router: router)
/// ```
package struct Router: Sendable {
    /// A route's handler: the request and what the pattern captured.
    package typealias Handler = @Sendable (ReceivedRequest, RouteParameters) -> ServerReply

    private struct Route: Sendable {
        let method: String
        let pattern: PathPattern
        let handler: Handler
    }

    private var routes: [Route] = []
    private let fallback: @Sendable (ReceivedRequest) -> ServerReply

    /// The reply for requests no route matches.
    package static let noRoute = ServerReply.json(404, #"{"message":"no route"}"#)

    /// Creates a router with no routes and the given reply for unmatched requests.
    package init(fallback: @escaping @Sendable (ReceivedRequest) -> ServerReply = { _ in Router.noRoute }) {
        self.fallback = fallback
    }

    /// Adds a route; `method` is matched exactly (`"*"` matches any), `pattern` segments like `{id}` capture.
    package mutating func on(_ method: String, _ pattern: String, _ handler: @escaping Handler) {
        routes.append(Route(method: method, pattern: PathPattern(pattern), handler: handler))
    }

    /// Adds a route that always gives `reply`, e.g. `router.on("GET", "/ping", reply: .text("pong"))`.
    package mutating func on(_ method: String, _ pattern: String, reply: ServerReply) {
        on(method, pattern) { _, _ in reply }
    }

    /// Adds a route that hands out `sequence`'s replies in order, e.g. 429, 429, then 200.
    package mutating func on(_ method: String, _ pattern: String, sequence: ReplySequence) {
        on(method, pattern) { _, _ in sequence.next() }
    }

    /// The reply of the first matching route, or the fallback; usable directly as a server handler.
    package func reply(to request: ReceivedRequest) -> ServerReply {
        for route in routes where route.method == "*" || route.method == request.method {
            if let captures = route.pattern.match(request.path) {
                return route.handler(request, RouteParameters(raw: captures))
            }
        }
        return fallback(request)
    }
}
