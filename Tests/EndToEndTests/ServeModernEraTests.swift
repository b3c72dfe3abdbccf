import Foundation
import JSON
import TestSupport
import Testing

extension ServeEndToEnd {
    /// The stateless modern era (2026-07-28) against the real binary: `server/discover`, per-request
    /// `_meta`, its errors, and the members every modern result carries (DESIGN.md §3).
    @Suite struct ServeModernEraTests {
        private static let serverInfoKey = "io.modelcontextprotocol/serverInfo"

        private func meta(version: String? = "2026-07-28", capabilities: JSONValue? = [:]) -> JSONValue {
            var object = JSONObject()
            if let version { object["io.modelcontextprotocol/protocolVersion"] = .string(version) }
            if let capabilities { object["io.modelcontextprotocol/clientCapabilities"] = capabilities }
            return .object(object)
        }

        private func expectComplete(_ result: JSONValue?, sourceLocation: SourceLocation = #_sourceLocation) {
            #expect(result?["resultType"] == "complete", sourceLocation: sourceLocation)
            #expect(result?["_meta"]?[Self.serverInfoKey]?["name"] == "switchyard", sourceLocation: sourceLocation)
            #expect(
                result?["_meta"]?[Self.serverInfoKey]?["version"]?.stringValue != nil, sourceLocation: sourceLocation)
        }

        @Test("server/discover lists 2026-07-28 and carries resultType, serverInfo and cache hints")
        func discover() async throws {
            let session = try ServeSession()
            let response = try await session.roundTrip(1, "server/discover", ["_meta": meta()])
            let result = response["result"]
            #expect(result?["supportedVersions"]?.arrayValue?.contains("2026-07-28") == true)
            #expect(result?["capabilities"]?["tools"] != nil)
            expectComplete(result)
            #expect(await session.finish() == 0)
        }

        @Test("tools/list carries every tool with the newest fields, ttlMs and cacheScope private")
        func toolsList() async throws {
            let session = try ServeSession()
            let result = try await session.roundTrip(1, "tools/list", ["_meta": meta()])["result"]
            let tools = try #require(result?["tools"]?.arrayValue)
            #expect(Set(tools.compactMap { $0["name"]?.stringValue }) == VendorIntegrations.allTools)
            let list = try #require(tools.first { $0["name"] == "acme_items_list" })
            #expect(list["title"] == "List items")
            #expect(list["outputSchema"] != nil)
            #expect(list["annotations"]?["readOnlyHint"] == true)
            #expect((result?["ttlMs"]?.intValue ?? -1) >= 0)
            #expect(result?["cacheScope"] == "private")
            expectComplete(result)
            #expect(await session.finish() == 0)
        }

        @Test("tools/call results, successful or not, are complete and carry serverInfo")
        func toolsCall() async throws {
            let session = try ServeSession()
            let success = try await session.callResult(1, "acme_items_get", ["item_id": "i2"], meta: meta())
            #expect(success["isError"] == false)
            #expect(success["structuredContent"]?["name"] == "Item i2")
            expectComplete(success)
            let failure = try await session.callResult(2, "acme_items_get", ["item_id": "missing"], meta: meta())
            #expect(failure["isError"] == true)
            #expect(failure["structuredContent"]?["error"]?["type"] == "not_found")
            expectComplete(failure)
            #expect(await session.finish() == 0)
        }

        @Test("a modern request without clientCapabilities or protocolVersion is -32602")
        func missingMeta() async throws {
            let session = try ServeSession()
            let noCapabilities = try await session.roundTrip(1, "tools/list", ["_meta": meta(capabilities: nil)])
            #expect(noCapabilities["error"]?["code"] == -32602)
            let discoverWithoutVersion = try await session.roundTrip(
                2, "server/discover", ["_meta": meta(version: nil)])
            #expect(discoverWithoutVersion["error"]?["code"] == -32602)
            let discoverWithoutMeta = try await session.roundTrip(3, "server/discover")
            #expect(discoverWithoutMeta["error"]?["code"] == -32602)
            await session.call(4, "acme_items_get", ["item_id": "i1"], meta: meta(capabilities: nil))
            #expect(try await session.response(to: 4)["error"]?["code"] == -32602)
            #expect(session.vendor.requests.isEmpty)
            #expect(await session.finish() == 0)
        }

        @Test(
            "an unsupported version is -32022 with the supported and requested versions",
            arguments: ["2099-01-01", "x"])
        func unsupportedVersion(requested: String) async throws {
            let session = try ServeSession()
            let response = try await session.roundTrip(1, "tools/list", ["_meta": meta(version: requested)])
            #expect(response["error"]?["code"] == -32022)
            #expect(response["error"]?["data"]?["requested"] == .string(requested))
            #expect(response["error"]?["data"]?["supported"]?.arrayValue?.contains("2026-07-28") == true)
            let discover = try await session.roundTrip(2, "server/discover", ["_meta": meta(version: requested)])
            #expect(discover["error"]?["code"] == -32022)
            #expect(await session.finish() == 0)
        }

        @Test("ping and logging/setLevel do not exist in the modern era", arguments: ["ping", "logging/setLevel"])
        func removedMethods(method: String) async throws {
            let session = try ServeSession()
            let response = try await session.roundTrip(1, method, ["_meta": meta(), "level": "debug"])
            #expect(response["error"]?["code"] == -32601)
            #expect(response["result"] == nil)
            #expect(await session.finish() == 0)
        }

        @Test("modern requests leave an initialized legacy session untouched")
        func mixedEras() async throws {
            let session = try ServeSession()
            try await session.initialize("2024-11-05")
            let modern = try await session.roundTrip(1, "tools/list", ["_meta": meta()])["result"]
            expectComplete(modern)
            let legacy = try await session.roundTrip(2, "tools/list", [:])["result"]
            #expect(legacy?["resultType"] == nil)
            #expect(legacy?["ttlMs"] == nil)
            #expect(legacy?["tools"]?.arrayValue?.allSatisfy { $0["annotations"] == nil } == true)
            #expect(await session.finish() == 0)
        }
    }
}
