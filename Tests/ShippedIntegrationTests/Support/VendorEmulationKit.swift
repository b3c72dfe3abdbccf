import Engine
import Foundation
import JSON
import TestSupport

/// Small helpers the vendor emulations and their tests share: JSON replies, request bodies,
/// credentials as the wire carries them, and the pieces of a tool outcome tests look at.
enum VendorEmulationKit {
    /// A JSON reply built from a value, so emulated bodies are always well-formed.
    static func reply(_ value: JSONValue, status: Int = 200, headers: [(String, String)] = []) -> ServerReply {
        .json(status, value.encoded(), headers: headers)
    }

    /// The request body parsed as JSON, or nil when it is empty or not JSON.
    static func body(of request: ReceivedRequest) -> JSONValue? {
        guard !request.body.isEmpty else { return nil }
        return try? JSONParser.parse(request.body)
    }

    /// `scheme://host:port` of the emulation as the client addressed it (for absolute next-page URLs).
    static func origin(of request: ReceivedRequest) -> String {
        "http://" + (request.header("Host") ?? "127.0.0.1")
    }

    /// The `Authorization` value HTTP Basic gives for these credentials.
    static func basic(_ username: String, _ password: String) -> String {
        "Basic " + Data("\(username):\(password)".utf8).base64EncodedString()
    }

    /// The items of a successful list outcome.
    static func items(_ outcome: ToolOutcome) -> [JSONValue] {
        outcome.structured?["items"]?.arrayValue ?? []
    }

    /// The string at `key` of every item, in order (ids, keys, names).
    static func strings(_ items: [JSONValue], _ key: String) -> [String] {
        items.map { $0[key]?.plainText ?? "" }
    }

    /// A query parameter parsed as an integer, or `fallback` when absent or not a number.
    static func int(_ request: ReceivedRequest, _ name: String, fallback: Int) -> Int {
        request.queryValue(name).flatMap { Int($0) } ?? fallback
    }
}
