import Foundation
import LoopbackHTTP

/// The loopback vendor every scenario talks to: a TestSupport ``LoopbackServer`` with canned,
/// pre-encoded replies, so the vendor side costs the same for Switchyard and for the floors.
///
/// | route | reply |
/// | --- | --- |
/// | `GET /items/{id}` | one small item (the cheap GET) |
/// | `GET /items?page=N&per_page=100` | page N of ``pageCount`` pages of ``pageSize`` items |
/// | `GET /slow` | a small object after ``slowDelay`` |
/// | `GET /export` | one JSON object of about ``largeBodyBytes`` bytes |
final class VendorEmulation: Sendable {
    /// How many pages the item list has.
    static let pageCount = 100
    /// How many items one full page holds.
    static let pageSize = 100
    /// How long `/slow` waits before answering.
    static let slowDelay = Duration.milliseconds(100)
    /// The size the `/export` body is grown to.
    static let largeBodyBytes = 20_000_000

    /// The running server.
    let server: LoopbackServer
    /// The exact size of the `/export` body in bytes.
    let largeBodySize: Int

    /// Builds the canned bodies and starts the server.
    init() throws {
        let pages = (1...Self.pageCount).map { Self.page($0, size: Self.pageSize) }
        let large = Self.largeBody()
        largeBodySize = large.count
        var router = Router()
        router.on("GET", "/items/{id}", reply: .json(Self.item(42)))
        router.on("GET", "/items") { request, _ in
            let number = request.queryValue("page").flatMap(Int.init) ?? 1
            let size = request.queryValue("per_page").flatMap(Int.init) ?? Self.pageSize
            guard number >= 1, number <= Self.pageCount else { return .json(Self.pageJSON(number, items: [])) }
            return size == Self.pageSize ? pages[number - 1] : Self.page(number, size: size)
        }
        router.on("GET", "/slow", reply: .delayed(Self.slowDelay, .json(#"{"ok":true,"slow":true}"#)))
        router.on(
            "GET", "/export",
            reply: .respond(status: 200, headers: [("Content-Type", "application/json")], body: large))
        server = try LoopbackServer(router: router)
    }

    /// `http://127.0.0.1:PORT`.
    var baseURL: String { server.baseURL }

    /// One item as the vendor writes it (about 130 bytes).
    static func item(_ id: Int) -> String {
        #"{"id":\#(id),"name":"item-\#(id)","status":"open","owner":{"login":"user-\#(id % 50)","id":\#(1000 + id % 50)},"#
            + #""updated_at":"2024-05-01T12:00:00Z","score":\#(Double(id % 97) / 4)}"#
    }

    /// The URL path and query of page `number` with full pages, as the direct walk asks for it.
    static func pagePath(_ number: Int) -> String {
        "/items?page=\(number)&per_page=\(pageSize)"
    }

    private static func page(_ number: Int, size: Int) -> ServerReply {
        let first = (number - 1) * size + 1
        let last = min(number * size, pageCount * pageSize)
        let items = first <= last ? (first...last).map(item) : []
        return .json(pageJSON(number, items: items))
    }

    private static func pageJSON(_ number: Int, items: [String]) -> String {
        #"{"items":[\#(items.joined(separator: ","))],"page":\#(number),"total_pages":\#(pageCount),"#
            + #""total":\#(pageCount * pageSize)}"#
    }

    /// `{"records":[item, item, …]}` grown until it reaches ``largeBodyBytes``.
    private static func largeBody() -> Data {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(largeBodyBytes + 256)
        bytes.append(contentsOf: #"{"records":["#.utf8)
        var id = 1
        while bytes.count < largeBodyBytes {
            if id > 1 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(contentsOf: item(id).utf8)
            id += 1
        }
        bytes.append(contentsOf: "]}".utf8)
        return Data(bytes)
    }
}
