import Foundation
import JSON
import TestSupport

/// The records the emulated vendors serve: numbered from 1, with nested members to omit.
enum VendorItems {
    /// Item `number` (1-based) with an id such as `it_007` (or `cus_007` with another prefix).
    static func item(_ number: Int, idPrefix: String = "it_") -> JSONValue {
        [
            "id": .string(idPrefix + String(format: "%03d", number)), "number": .int(Int64(number)),
            "title": .string("Item \(number)"), "notes": "internal notes",
            "author": ["login": "octo", "avatar_url": "https://avatars.example/octo.png"],
        ]
    }

    /// The items at 0-based positions `start ..< start + size` of a collection of `total`, and the end position.
    static func slice(from start: Int, size: Int, total: Int, idPrefix: String = "it_") -> (items: JSONValue, end: Int)
    {
        let lower = min(max(start, 0), total)
        let upper = min(lower + max(size, 0), total)
        return (.array((lower..<upper).map { item($0 + 1, idPrefix: idPrefix) }), upper)
    }

    /// A 200 JSON reply with `body`.
    static func reply(_ body: JSONValue, headers: [(String, String)] = []) -> ServerReply {
        .json(body.encoded(), headers: headers)
    }

    /// The integer value of query parameter `name`, or `fallback`.
    static func int(_ request: ReceivedRequest, _ name: String, _ fallback: Int) -> Int {
        request.queryValue(name).flatMap { Int($0) } ?? fallback
    }

    /// `http://host:port` of the server the request reached, for absolute vendor links.
    static func origin(of request: ReceivedRequest) -> String {
        "http://" + (request.header("Host") ?? "127.0.0.1")
    }
}
