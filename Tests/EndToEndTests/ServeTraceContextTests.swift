import Foundation
import JSON
import TestSupport
import Testing

extension ServeEndToEnd {
    /// W3C Trace Context through the real binary: `_meta.traceparent` / `tracestate` continue on the
    /// vendor request with a new span id, and the audit line records the trace id.
    @Suite struct ServeTraceContextTests {
        static let traceID = "0af7651916cd43dd8448eb211c80319c"
        static let parent = "00-\(traceID)-b7ad6b7169203331-01"

        @Test("the vendor sees the caller's trace id with a new span id, and the audit log records it")
        func continued() async throws {
            let audit = NSTemporaryDirectory() + "switchyard-trace-\(UUID().uuidString).jsonl"
            defer { try? FileManager.default.removeItem(atPath: audit) }
            let session = try ServeSession(["--audit-log", audit])
            let meta: JSONValue = ["traceparent": .string(Self.parent), "tracestate": "vendor=opaque,other=1"]
            let result = try await session.callResult(1, "acme_items_get", ["item_id": "i1"], meta: meta)
            #expect(result["isError"] == false)
            let modernMeta: JSONValue = [
                "io.modelcontextprotocol/protocolVersion": "2026-07-28",
                "io.modelcontextprotocol/clientCapabilities": [:], "traceparent": .string(Self.parent),
            ]
            #expect(
                try await session.callResult(2, "acme_items_get", ["item_id": "i2"], meta: modernMeta)["isError"]
                    == false)
            // Malformed (upper-case hex) or absent: no trace header at all.
            let bad: JSONValue = ["traceparent": .string(Self.parent.uppercased()), "tracestate": "a=b"]
            #expect(try await session.callResult(3, "acme_items_get", ["item_id": "i3"], meta: bad)["isError"] == false)
            #expect(await session.finish() == 0)
            let requests = session.vendor.requests
            try #require(requests.count == 3)
            for request in requests.prefix(2) {
                let header = try #require(request.header("traceparent"))
                let parts = header.split(separator: "-").map(String.init)
                #expect(parts.count == 4)
                #expect(parts[0] == "00")
                #expect(parts[1] == Self.traceID)
                #expect(parts[2].count == 16 && parts[2] != "b7ad6b7169203331" && parts[2] != "0000000000000000")
                #expect(parts[3] == "01")
            }
            #expect(requests[0].header("tracestate") == "vendor=opaque,other=1")
            #expect(requests[1].header("tracestate") == nil)
            #expect(requests[2].header("traceparent") == nil)
            #expect(requests[2].header("tracestate") == nil)
            let lines = try String(contentsOfFile: audit, encoding: .utf8).split(separator: "\n")
            let entries = try lines.map { try JSONParser.parse(String($0)) }
            #expect(entries.count == 3)
            #expect(entries.filter { $0["trace_id"] == .string(Self.traceID) }.count == 2)
        }
    }
}
