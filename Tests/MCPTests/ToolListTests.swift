import JSON
import Testing

@testable import MCP

@Suite struct ToolListTests {
    @Test("tools/list pages with an opaque cursor until every tool was listed once")
    func pagination() async throws {
        let client = TestClient(host: ScriptedHost(fillerCount: 7), configuration: ServerConfiguration(pageSize: 4))
        var names: [String] = []
        var pageSizes: [Int] = []
        var cursor: JSONValue?
        repeat {
            let params: JSONValue = cursor.map { ["cursor": $0] } ?? [:]
            let response = try await client.request(.int(Int64(pageSizes.count)), "tools/list", params)
            let result = try #require(response["result"])
            let tools = try #require(result["tools"]?.arrayValue)
            names += tools.compactMap { $0["name"]?.stringValue }
            pageSizes.append(tools.count)
            cursor = result["nextCursor"]
        } while cursor != nil && pageSizes.count < 10
        #expect(pageSizes == [4, 4, 3])
        #expect(names == ["echo", "fail", "slow", "progress"] + (0..<7).map { "numbered_\($0)" })
    }

    @Test(
        "a cursor this server did not issue is -32602",
        arguments: [JSONValue.string("garbage"), "", "dG9vbHMtdjE6MA", .int(4), .null, ["x": 1]])
    func badCursor(cursor: JSONValue) async throws {
        let client = TestClient(configuration: ServerConfiguration(pageSize: 2))
        let response = try await client.request(1, "tools/list", ["cursor": cursor])
        #expect(response["error"]?["code"] == -32602)
        #expect(response["id"] == 1)
    }

    @Test("tools/list with array params is -32602")
    func arrayParams() async throws {
        let client = TestClient()
        let response = try await client.request(1, "tools/list", [1, 2])
        #expect(response["error"]?["code"] == -32602)
    }

    @Test("cursors round-trip, are decoded strictly and open only under the key that sealed them")
    func cursorCodec() {
        let sealer = TokenSealer(key: Array(repeating: 7, count: 32))
        for offset in [1, 2, 499, 500, 123_456] {
            #expect(ToolListCursor.decode(ToolListCursor.encode(offset: offset, with: sealer), with: sealer) == offset)
        }
        let cursor = ToolListCursor.encode(offset: 500, with: sealer)
        #expect(ToolListCursor.decode(cursor + "A", with: sealer) == nil)
        #expect(ToolListCursor.decode(cursor + "=", with: sealer) == nil)
        #expect(ToolListCursor.decode(String(cursor.dropLast()), with: sealer) == nil)
        #expect(ToolListCursor.decode(ToolListCursor.encode(offset: 0, with: sealer), with: sealer) == nil)
        #expect(ToolListCursor.decode("not a cursor!", with: sealer) == nil)
        #expect(ToolListCursor.decode(cursor, with: TokenSealer(key: Array(repeating: 8, count: 32))) == nil)
    }
}
