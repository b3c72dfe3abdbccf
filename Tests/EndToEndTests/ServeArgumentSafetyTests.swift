import Foundation
import JSON
import TestSupport
import Testing

extension ServeEndToEnd {
    /// Wrong and hostile tool arguments against the real binary: each is a tool result with
    /// `isError: true` that names the field, and nothing harmful reaches the vendor (DESIGN.md §3, §5).
    @Suite struct ServeArgumentSafetyTests {
        /// Calls `tool` and expects an `invalid_arguments` tool result whose message names `field`.
        private func expectInvalid(
            _ session: ServeSession, _ tool: String, _ arguments: JSONValue, naming field: String,
            sourceLocation: SourceLocation = #_sourceLocation
        ) async throws {
            let result = try await session.callResult("bad", tool, arguments)
            #expect(result["isError"] == true, "\(arguments.encoded().prefix(200))", sourceLocation: sourceLocation)
            let error = result["structuredContent"]?["error"]
            #expect(error?["type"] == "invalid_arguments", sourceLocation: sourceLocation)
            let message = error?["message"]?.stringValue ?? ""
            let text = result["content"]?[0]?["text"]?.stringValue ?? ""
            #expect(message.contains(field), "message: \(message.prefix(300))", sourceLocation: sourceLocation)
            #expect(text.contains(field), "text: \(text.prefix(300))", sourceLocation: sourceLocation)
            #expect(text.utf8.count < 10_000, "the error text must stay short", sourceLocation: sourceLocation)
        }

        @Test("arguments of the wrong type are invalid_arguments naming the field, and send nothing")
        func wrongTypes() async throws {
            let session = try ServeSession()
            try await expectInvalid(session, "acme_items_get", ["item_id": 5], naming: "item_id")
            try await expectInvalid(session, "acme_items_get", ["item_id": "i1", "count": "three"], naming: "count")
            try await expectInvalid(session, "acme_items_get", [:], naming: "item_id")
            try await expectInvalid(session, "acme_items_get", ["item_id": "i1", "bogus": 1], naming: "bogus")
            try await expectInvalid(session, "acme_items_list", ["limit": "ten"], naming: "limit")
            try await expectInvalid(session, "acme_items_list", ["limit": 0], naming: "limit")
            try await expectInvalid(session, "acme_items_list", ["fields": "name"], naming: "fields")
            try await expectInvalid(session, "acme_items_create", ["title": ["nested": true]], naming: "title")
            #expect(session.vendor.requests.isEmpty)
            #expect(await session.finish() == 0)
        }

        @Test("a path value of . or .. is refused and never reaches the vendor", arguments: ["..", ".", ""])
        func dotSegments(value: String) async throws {
            let session = try ServeSession()
            try await expectInvalid(session, "acme_items_get", ["item_id": .string(value)], naming: "item_id")
            try await expectInvalid(session, "acme_reports_delete", ["report_id": .string(value)], naming: "report_id")
            #expect(session.vendor.requests.isEmpty)
            #expect(await session.finish() == 0)
        }

        @Test("a path value with slashes stays one encoded segment: no traversal reaches the vendor")
        func traversal() async throws {
            let session = try ServeSession()
            for value in ["../", "../../admin", "..%2F..%2Fadmin", "a/../b", "/etc/passwd", "?x=1#y"] {
                let result = try await session.callResult("t", "acme_items_get", ["item_id": .string(value)])
                guard result["isError"] == false else {
                    #expect(result["structuredContent"]?["error"]?["type"] == "invalid_arguments")
                    continue
                }
                let request = try #require(session.vendor.requests.last)
                #expect(request.pathSegments.count == 2, "\(request.target)")
                #expect(request.pathSegments.first == "items")
                #expect(!request.target.contains("/../") && !request.target.hasSuffix("/.."), "\(request.target)")
                #expect(request.query == nil, "\(request.target)")
                #expect(PercentDecoding.decode(request.pathSegments[1]) == value)
            }
            #expect(session.vendor.requests.allSatisfy { $0.path.hasPrefix("/items/") })
            #expect(await session.finish() == 0)
        }

        @Test("CR, LF, NUL or any other control character but tab in a header argument is refused and nothing is sent")
        func headerInjection() async throws {
            let session = try ServeSession()
            for value in [
                "abc\r\nX-Injected: 1", "abc\nX-Injected: 1", "abc\r", "a\u{0}b", "bell\u{07}", "esc\u{1B}[2J",
                "del\u{7F}", "\u{0B}vt", "\u{1F}",
            ] {
                try await expectInvalid(
                    session, "acme_items_get", ["item_id": "i1", "trace": .string(value)], naming: "trace")
            }
            #expect(session.vendor.requests.isEmpty)
            let fine = try await session.callResult("ok", "acme_items_get", ["item_id": "i1", "trace": "abc\t123 é"])
            #expect(fine["isError"] == false)
            #expect(session.vendor.requests.count == 1)
            #expect(session.vendor.requests.first?.header("X-Trace") == "abc\t123 é")
            #expect(session.vendor.requests.first?.header("X-Injected") == nil)
            #expect(await session.finish() == 0)
        }

        @Test("a 1 MB string over a maxLength is refused before any request")
        func megabyteString() async throws {
            let session = try ServeSession()
            let huge = JSONValue.string(String(repeating: "x", count: 1 << 20))
            try await expectInvalid(session, "acme_items_create", ["title": huge], naming: "title")
            #expect(session.vendor.requests.isEmpty)
            #expect(try await session.roundTrip("alive", "ping")["result"] == [:])
            #expect(await session.finish() == 0)
        }

        @Test("a 1 MB string for the URL or a header is refused as invalid_arguments, not a network failure")
        func megabyteInline() async throws {
            let session = try ServeSession()
            let huge = JSONValue.string(String(repeating: "y", count: 1 << 20))
            try await expectInvalid(session, "acme_items_get", ["item_id": "i1", "trace": huge], naming: "trace")
            try await expectInvalid(session, "acme_items_get", ["item_id": huge], naming: "item_id")
            try await expectInvalid(session, "acme_items_list", ["color": huge], naming: "color")
            #expect(session.vendor.requests.isEmpty)
            #expect(try await session.roundTrip("alive", "ping")["result"] == [:])
            #expect(await session.finish() == 0)
        }
    }
}
