import Foundation
import TestSupport

/// The loopback emulation of the `acme` and `beta` vendors of ``VendorIntegrations``.
///
/// - `GET /items`: items `i1`…`i5` in cursor pages (`per_page`, `after`), `{"data": [...], "next": …}`;
///   with `color=echo` each item's `seen` repeats the `Authorization` header received.
/// - `GET /items/{id}`: `{"id", "name"}`; `missing` → 404; `slow` → the same after `slowDelay`;
///   `echo` → 401 whose body repeats the `Authorization` header it received; `whoami` → 200 whose
///   body repeats it, with the token also in a response header.
/// - `POST /items` → 201; `POST /reports/search` → `{"results": []}`; `DELETE /reports/{id}` → 204.
/// - `GET /widgets`: widgets `w1`…`w3`, one a page, each next link repeating the `api_key` received.
/// - `GET /widgets/{id}`: 403 whose body repeats the `api_key` it received.
struct AcmeVendor {
    /// How long `GET /items/slow` waits before answering.
    static let slowDelay = Duration.seconds(2)
    /// How many items `GET /items` walks through.
    static let itemCount = 5

    /// The running server.
    let server: LoopbackServer

    /// Starts the emulation.
    init() throws {
        server = try LoopbackServer(router: Self.router())
    }

    /// `http://127.0.0.1:PORT`.
    var baseURL: String { server.baseURL }

    /// Every request received so far.
    var requests: [ReceivedRequest] { server.requests }

    private static func router() -> Router {
        var router = Router()
        router.on("GET", "/items") { request, _ in
            let size = request.queryValue("per_page").flatMap(Int.init) ?? 2
            let start = request.queryValue("after").flatMap(Int.init) ?? 0
            let end = min(itemCount, start + max(1, size))
            // `color=echo` makes every item repeat the Authorization header it came with.
            let seen = request.queryValue("color") == "echo" ? request.header("Authorization") ?? "" : ""
            let items = (start..<end).map { #"{"id": "i\#($0 + 1)", "name": "Item \#($0 + 1)", "seen": "\#(seen)"}"# }
            let next = end < itemCount ? #""\#(end)""# : "null"
            return .json(#"{"data": [\#(items.joined(separator: ", "))], "next": \#(next)}"#)
        }
        router.on("GET", "/items/missing", reply: .json(404, #"{"message": "no such item"}"#))
        router.on("GET", "/items/slow", reply: .delayed(slowDelay, .json(#"{"id": "slow", "name": "Slow item"}"#)))
        router.on("GET", "/items/echo") { request, _ in
            let received = request.header("Authorization") ?? "nothing"
            return .json(401, #"{"message": "credentials \#(received) were rejected"}"#)
        }
        router.on("GET", "/items/whoami") { request, _ in
            let received = request.header("Authorization") ?? "nothing"
            return .json(#"{"id": "whoami", "authorization": "\#(received)"}"#, headers: [("X-Echo", received)])
        }
        router.on("GET", "/items/{id}") { _, parameters in
            let id = parameters["id"] ?? ""
            return .json(#"{"id": "\#(id)", "name": "Item \#(id)"}"#)
        }
        router.on("POST", "/items", reply: .json(201, #"{"id": "new"}"#))
        router.on("POST", "/reports/search", reply: .json(#"{"results": []}"#))
        router.on("DELETE", "/reports/{id}", reply: .empty(204))
        router.on("GET", "/widgets") { request, _ in
            // Like many APIs, the next link repeats the request's own query, API key included.
            let page = request.queryValue("page").flatMap(Int.init) ?? 1
            let key = request.queryValue("api_key") ?? ""
            let next = page < 3 ? #""/widgets?api_key=\#(key)&page=\#(page + 1)""# : "null"
            return .json(#"{"data": [{"id": "w\#(page)"}], "next": \#(next)}"#)
        }
        router.on("GET", "/widgets/{id}") { request, _ in
            let key = request.queryValue("api_key") ?? "nothing"
            return .json(403, #"{"message": "key \#(key) is not allowed here", "error": "\#(key)"}"#)
        }
        return router
    }
}
