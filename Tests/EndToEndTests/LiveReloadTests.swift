import Foundation
import JSON
import TestSupport
import Testing

/// Integration files are watched while serving (DESIGN.md §7): a valid change replaces the tool set
/// and announces it, an invalid one is refused with diagnostics and the old set stays — driven
/// through the built binary, waiting on the notification or the stderr line, never on a sleep.
extension OAuth2AuditReloadSuites {
    @Suite struct LiveReloadTests {
        /// A shop vendor: `GET /{op}` answers `{"op": op}`; `GET /slow` takes three seconds.
        private static func vendor() throws -> LoopbackServer {
            var router = Router()
            router.on("GET", "/slow", reply: .delayed(.seconds(3), .json(#"{"op":"slow"}"#)))
            router.on("GET", "/{op}") { _, parameters in .json(#"{"op":"\#(parameters["op"] ?? "")"}"#) }
            return try LoopbackServer(router: router)
        }

        /// An integration file named `name` with one `get` operation per entry of `operations`.
        private static func file(_ name: String = "shop", base: String, operations: [String]) -> String {
            let members = operations.map { operation in
                #""\#(operation)": {"kind": "get", "request": "GET /\#(operation)", "#
                    + #""description": "Fetch the \#(operation) record of the test shop, for live reload."}"#
            }
            return #"{"name": "\#(name)", "description": "A test shop.", "base_url": "\#(base)", "#
                + #""resources": {"items": {"description": "Items of the shop.", "operations": {"#
                + members.joined(separator: ", ") + "}}}}"
        }

        /// A served directory holding `shop.json` with `operations`, and an initialized legacy client.
        private static func start(
            _ directory: TemporaryDirectory, vendor: LoopbackServer, operations: [String], initialize: Bool = true
        ) throws -> LiveReloadClient {
            try directory.write("shop.json", file(base: vendor.baseURL, operations: operations))
            let client = try LiveReloadClient(["--integrations", directory.path, "--log-level", "info"])
            if initialize { try #require(client.initialize() != nil, "no initialize result") }
            return client
        }

        private static func resultText(_ response: JSONValue?) -> String? {
            response?["result"]?["content"]?[0]?["text"]?.stringValue
        }

        @Test("an operation added while a client is initialized is announced, listed and callable")
        func operationAdded() throws {
            let directory = try TemporaryDirectory()
            let vendor = try Self.vendor()
            defer { vendor.stop() }
            let client = try Self.start(directory, vendor: vendor, operations: ["first"])
            #expect(client.toolNames(id: 2) == ["shop_items_first"])
            try directory.write("shop.json", Self.file(base: vendor.baseURL, operations: ["first", "second"]))
            #expect(client.listChanged(), "no notifications/tools/list_changed")
            #expect(client.toolNames(id: 3)?.sorted() == ["shop_items_first", "shop_items_second"])
            let response = client.call(id: 4, "shop_items_second")
            #expect(response?["result"]?["isError"] == false)
            #expect(Self.resultText(response) == #"{"op":"second"}"#)
            #expect(client.finish() == 0)
        }

        @Test("a syntax error written mid-session is refused with diagnostics on stderr; the old tools stay served")
        func syntaxErrorKeepsOldSet() throws {
            let directory = try TemporaryDirectory()
            let vendor = try Self.vendor()
            defer { vendor.stop() }
            let client = try Self.start(directory, vendor: vendor, operations: ["first"])
            // The set is served (tools/list waits for the first load) before the edit breaks it.
            #expect(client.toolNames(id: 2) == ["shop_items_first"])
            try directory.write("shop.json", #"{"name": "shop", "base_url": "#)
            #expect(client.process.waitForError(containing: "still serving the previous set"))
            #expect(client.process.waitForError(containing: "shop.json"))
            #expect(client.toolNames(id: 3) == ["shop_items_first"])
            #expect(!client.hasPendingListChanged, "an invalid set was announced")
            let response = client.call(id: 4, "shop_items_first")
            #expect(Self.resultText(response) == #"{"op":"first"}"#)
            // Fixing the file is picked up as usual.
            try directory.write("shop.json", Self.file(base: vendor.baseURL, operations: ["first", "third"]))
            #expect(client.listChanged())
            #expect(client.toolNames(id: 5)?.sorted() == ["shop_items_first", "shop_items_third"])
            #expect(client.finish() == 0)
        }

        @Test("an editor-style save (write a temporary file, rename it over the original) is detected")
        func editorSave() throws {
            let directory = try TemporaryDirectory()
            let vendor = try Self.vendor()
            defer { vendor.stop() }
            let client = try Self.start(directory, vendor: vendor, operations: ["first"])
            let temporary = try directory.write(
                ".shop.json.swp-4913", Self.file(base: vendor.baseURL, operations: ["first", "renamed"]))
            #expect(rename(temporary, directory.path + "/shop.json") == 0)
            #expect(client.listChanged())
            #expect(client.toolNames(id: 2)?.contains("shop_items_renamed") == true)
            #expect(Self.resultText(client.call(id: 3, "shop_items_renamed")) == #"{"op":"renamed"}"#)
            #expect(client.finish() == 0)
        }

        @Test("a single file given as the integrations path is watched through its directory, editor saves included")
        func singleFilePath() throws {
            let directory = try TemporaryDirectory()
            let vendor = try Self.vendor()
            defer { vendor.stop() }
            let path = try directory.write("shop.json", Self.file(base: vendor.baseURL, operations: ["first"]))
            let client = try LiveReloadClient(["--integrations", path])
            try #require(client.initialize() != nil)
            let temporary = try directory.write(
                "shop.json~", Self.file(base: vendor.baseURL, operations: ["first", "second"]))
            #expect(rename(temporary, path) == 0)
            #expect(client.listChanged())
            #expect(client.toolNames(id: 2)?.sorted() == ["shop_items_first", "shop_items_second"])
            #expect(client.finish() == 0)
        }

        @Test("a new file is picked up and a removed one is dropped")
        func fileAddedAndRemoved() throws {
            let directory = try TemporaryDirectory()
            let vendor = try Self.vendor()
            defer { vendor.stop() }
            let client = try Self.start(directory, vendor: vendor, operations: ["first"])
            let added = try directory.write(
                "depot.json", Self.file("depot", base: vendor.baseURL, operations: ["crate"]))
            #expect(client.listChanged())
            #expect(client.toolNames(id: 2)?.sorted() == ["depot_items_crate", "shop_items_first"])
            #expect(Self.resultText(client.call(id: 3, "depot_items_crate")) == #"{"op":"crate"}"#)
            try FileManager.default.removeItem(atPath: added)
            #expect(client.listChanged())
            #expect(client.toolNames(id: 4) == ["shop_items_first"])
            #expect(client.finish() == 0)
        }

        @Test("a call in flight finishes normally when a reload removes its tool; later calls of it are unknown")
        func inFlightCallSurvivesReload() async throws {
            let directory = try TemporaryDirectory()
            let vendor = try Self.vendor()
            defer { vendor.stop() }
            let client = try Self.start(directory, vendor: vendor, operations: ["first", "slow"])
            client.startCall(id: 2, "shop_items_slow")
            #expect(
                await vendor.waitForRequests(count: 1, timeout: .seconds(30)), "the slow call never reached the vendor")
            try directory.write("shop.json", Self.file(base: vendor.baseURL, operations: ["first"]))
            #expect(client.listChanged())
            #expect(client.toolNames(id: 3) == ["shop_items_first"])
            let response = client.response(to: 2)
            #expect(response?["result"]?["isError"] == false, "\(response?.encoded() ?? "no response")")
            #expect(Self.resultText(response) == #"{"op":"slow"}"#)
            let again = client.call(id: 4, "shop_items_slow")
            #expect(again?["error"]?["code"] == -32602)
            #expect(client.finish() == 0)
        }

        @Test("a modern-era client sees the change in its next tools/list; no list_changed is sent to it")
        func modernClient() throws {
            let directory = try TemporaryDirectory()
            let vendor = try Self.vendor()
            defer { vendor.stop() }
            let client = try Self.start(directory, vendor: vendor, operations: ["first"], initialize: false)
            #expect(client.toolNames(id: 1, modern: true) == ["shop_items_first"])
            try directory.write("shop.json", Self.file(base: vendor.baseURL, operations: ["first", "second"]))
            #expect(client.process.waitForError(containing: "reloaded: 2 tools"))
            #expect(client.toolNames(id: 2, modern: true)?.sorted() == ["shop_items_first", "shop_items_second"])
            #expect(!client.hasPendingListChanged)
            #expect(client.finish() == 0)
        }
    }
}
