import Foundation
import JSON
import TestSupport
import Testing

/// End of input against the real binary: in-flight calls finish and are answered, then the
/// process exits 0 (DESIGN.md §3).
@Suite struct ServeShutdownTests {
    @Test("stdin EOF with a call in flight: its answer is written, then exit 0")
    func eofWithCallInFlight() throws {
        let session = try ServeSession()
        try session.initialize("2025-11-25")
        session.call("slow", "acme_items_get", ["item_id": "slow"])
        #expect(session.vendor.server.waitForRequests(count: 1, timeout: ServeSession.timeout))
        #expect(session.finish() == 0)
        let messages = session.process.allLines.compactMap { try? JSONParser.parse($0) }
        let answer = try #require(messages.first { $0["id"] == "slow" }, "the in-flight call was not answered")
        #expect(answer["result"]?["isError"] == false)
        #expect(answer["result"]?["structuredContent"]?["id"] == "slow")
    }

    @Test("stdin EOF right after several calls: every one is answered before exit 0")
    func eofWithManyCalls() throws {
        let session = try ServeSession()
        session.call(1, "acme_items_get", ["item_id": "slow"])
        session.call(2, "acme_items_list", ["limit": 5])
        session.call(3, "acme_items_get", ["item_id": "missing"])
        session.request(4, "tools/list")
        #expect(session.finish() == 0)
        let messages = session.process.allLines.compactMap { try? JSONParser.parse($0) }
        for id: JSONValue in [1, 2, 3, 4] {
            #expect(messages.contains { $0["id"] == id && $0["result"] != nil }, "no answer to \(id.encoded())")
        }
        #expect(messages.count == 4)
    }

    @Test("a last line without a newline is still answered at EOF")
    func lastLineWithoutNewline() throws {
        let session = try ServeSession()
        session.process.sendRaw(Data(#"{"jsonrpc":"2.0","id":9,"method":"ping"}"#.utf8))
        #expect(session.finish() == 0)
        #expect(session.process.allLines.count == 1)
        #expect(try JSONParser.parse(session.process.allLines.joined())["id"] == 9)
    }

    @Test("EOF before any input exits 0 with nothing on stdout")
    func immediateEOF() throws {
        let session = try ServeSession()
        #expect(session.finish() == 0)
        #expect(session.process.allLines.isEmpty)
    }
}
