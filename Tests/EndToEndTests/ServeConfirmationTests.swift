import Foundation
import JSON
import TestSupport
import Testing

extension ServeEndToEnd {
    /// Confirmation before destructive calls, against the real binary: a person approves a delete
    /// before any request reaches the vendor — asked with `elicitation/create` in the legacy era,
    /// through `input_required` and a sealed `requestState` in 2026-07-28, and refused with
    /// `confirmation_required` where nobody can be asked.
    @Suite struct ServeConfirmationTests {
        static let deleteArguments: JSONValue = ["report_id": "r1"]

        /// How many DELETEs reached the vendor.
        static func deletes(_ session: ServeSession) -> Int {
            session.vendor.requests.filter { $0.method == "DELETE" }.count
        }

        /// Initializes a legacy session declaring `capabilities`.
        static func initialize(_ session: ServeSession, _ version: String, capabilities: JSONValue) async throws {
            let params: JSONValue = [
                "protocolVersion": .string(version), "capabilities": capabilities,
                "clientInfo": ["name": "e2e", "version": "1.0"],
            ]
            _ = try await session.roundTrip("init", "initialize", params)
            await session.notify("notifications/initialized")
        }

        /// Reads messages until the server's `elicitation/create` request arrives.
        static func question(_ session: ServeSession) async throws -> JSONValue {
            while true {
                let message = try await session.next()
                if message["method"] == "elicitation/create" { return message }
                Issue.record("unexpected message before the question: \(message.encoded())")
            }
        }

        /// Answers the server's request `id` with an elicitation result.
        static func answer(_ session: ServeSession, _ id: JSONValue, _ result: JSONValue) async {
            await session.send(["jsonrpc": "2.0", "id": id, "result": result])
        }

        static func errorType(_ result: JSONValue?) -> String? {
            result?["structuredContent"]?["error"]?["type"]?.stringValue
        }

        // MARK: legacy era

        @Test("legacy: an accepted confirmation sends exactly one request to the vendor")
        func legacyAccepted() async throws {
            let session = try ServeSession()
            try await Self.initialize(session, "2025-11-25", capabilities: ["elicitation": ["form": [:]]])
            await session.call(1, "acme_reports_delete", Self.deleteArguments)
            let question = try await Self.question(session)
            let id = try #require(question["id"])
            #expect(id.stringValue != nil)
            #expect(question["params"]?["mode"] == "form")
            let message = try #require(question["params"]?["message"]?.stringValue)
            #expect(message.contains("acme_reports_delete"))
            #expect(message.contains("DELETE /reports/{report_id}"))
            #expect(message.contains(#"report_id="r1""#))
            #expect(question["params"]?["requestedSchema"]?["properties"]?["confirm"]?["type"] == "boolean")
            #expect(question["params"]?["requestedSchema"]?["required"] == ["confirm"])
            #expect(Self.deletes(session) == 0, "the vendor was called before the person answered")
            await Self.answer(session, id, ["action": "accept", "content": ["confirm": true]])
            let response = try await session.response(to: 1)
            #expect(response["result"]?["isError"] == false)
            #expect(Self.deletes(session) == 1)
            #expect(await session.finish() == 0)
            #expect(Self.deletes(session) == 1)
        }

        @Test("legacy: decline, cancel, or an unticked box returns declined and sends nothing")
        func legacyDeclined() async throws {
            let session = try ServeSession()
            try await Self.initialize(session, "2025-11-25", capabilities: ["elicitation": [:]])
            let answers: [JSONValue] = [
                ["action": "decline"], ["action": "cancel"], ["action": "accept", "content": ["confirm": false]],
                ["action": "accept"],
            ]
            for (offset, answer) in answers.enumerated() {
                let callID = JSONValue.int(Int64(10 + offset))
                await session.call(callID, "acme_reports_delete", Self.deleteArguments)
                let question = try await Self.question(session)
                await Self.answer(session, try #require(question["id"]), answer)
                let result = try await session.response(to: callID)["result"]
                #expect(result?["isError"] == true)
                #expect(Self.errorType(result) == "declined", "\(answer.encoded())")
            }
            // An error response from the client declines too.
            await session.call(20, "acme_reports_delete", Self.deleteArguments)
            let question = try await Self.question(session)
            await session.send([
                "jsonrpc": "2.0", "id": try #require(question["id"]),
                "error": ["code": -32601, "message": "no such method"],
            ])
            #expect(Self.errorType(try await session.response(to: 20)["result"]) == "declined")
            #expect(await session.finish() == 0)
            #expect(Self.deletes(session) == 0)
        }

        @Test("legacy 2025-06-18: the question has no mode field, which that revision does not define")
        func legacyOldRevision() async throws {
            let session = try ServeSession()
            try await Self.initialize(session, "2025-06-18", capabilities: ["elicitation": [:]])
            await session.call(1, "acme_reports_delete", Self.deleteArguments)
            let question = try await Self.question(session)
            #expect(question["params"]?["mode"] == nil)
            await Self.answer(
                session, try #require(question["id"]), ["action": "accept", "content": ["confirm": true]])
            #expect(try await session.response(to: 1)["result"]?["isError"] == false)
            #expect(await session.finish() == 0)
            #expect(Self.deletes(session) == 1)
        }

        @Test("legacy: cancelling the call withdraws the question with notifications/cancelled")
        func legacyCancelled() async throws {
            let session = try ServeSession()
            try await Self.initialize(session, "2025-11-25", capabilities: ["elicitation": [:]])
            await session.call("c1", "acme_reports_delete", Self.deleteArguments)
            let question = try await Self.question(session)
            let id = try #require(question["id"])
            await session.notify("notifications/cancelled", ["requestId": "c1", "reason": "changed my mind"])
            let withdrawal = try await session.next()
            #expect(withdrawal["method"] == "notifications/cancelled")
            #expect(withdrawal["params"]?["requestId"] == id)
            // A late answer to the withdrawn question is ignored; nothing reaches the vendor.
            await Self.answer(session, id, ["action": "accept", "content": ["confirm": true]])
            #expect(try await session.roundTrip(2, "ping")["result"] != nil)
            #expect(await session.finish() == 0)
            #expect(
                !session.process.allLines.contains { $0.contains(#""id":"c1""#) }, "the cancelled call was answered")
            #expect(Self.deletes(session) == 0)
        }

        @Test("legacy: the end of input while a question is open declines the call, which is still answered")
        func legacyEndOfInput() async throws {
            let session = try ServeSession()
            try await Self.initialize(session, "2025-11-25", capabilities: ["elicitation": [:]])
            await session.call(1, "acme_reports_delete", Self.deleteArguments)
            _ = try await Self.question(session)
            #expect(await session.finish() == 0)
            let response = try #require(
                session.process.allLines.compactMap { try? JSONParser.parse($0) }.first { $0["id"] == 1 })
            #expect(Self.errorType(response["result"]) == "declined")
            #expect(Self.deletes(session) == 0)
        }

        @Test("no elicitation capability: confirmation_required, saying how to proceed, and nothing sent")
        func noCapability() async throws {
            let session = try ServeSession()
            // A shell script that never initializes.
            let script = try await session.callResult(1, "acme_reports_delete", Self.deleteArguments)
            #expect(Self.errorType(script) == "confirmation_required")
            let text = try #require(script["content"]?[0]?["text"]?.stringValue)
            #expect(text.contains("--confirm none"))
            // A client that initialized without elicitation, and a modern one without it.
            try await Self.initialize(session, "2025-11-25", capabilities: [:])
            #expect(
                Self.errorType(try await session.callResult(2, "acme_reports_delete", Self.deleteArguments))
                    == "confirmation_required")
            let modern = try await session.callResult(
                3, "acme_reports_delete", Self.deleteArguments, meta: ServeSession.modernMeta)
            #expect(Self.errorType(modern) == "confirmation_required")
            #expect(modern["resultType"] == "complete")
            // Reads need no confirmation; invalid arguments are refused before anyone is asked.
            #expect(try await session.callResult(4, "acme_items_get", ["item_id": "i1"])["isError"] == false)
            #expect(
                Self.errorType(try await session.callResult(5, "acme_reports_delete", ["report_id": ".."]))
                    == "invalid_arguments")
            #expect(await session.finish() == 0)
            #expect(Self.deletes(session) == 0)
        }

        @Test("--confirm none runs a delete at once; --confirm writes asks for a create too")
        func policies() async throws {
            let unattended = try ServeSession(["--confirm", "none"])
            #expect(try await unattended.callResult(1, "acme_reports_delete", Self.deleteArguments)["isError"] == false)
            #expect(await unattended.finish() == 0)
            #expect(Self.deletes(unattended) == 1)

            let strict = try ServeSession(["--confirm", "writes"])
            let create = try await strict.callResult(1, "acme_items_create", ["title": "new"])
            #expect(Self.errorType(create) == "confirmation_required")
            #expect(try await strict.callResult(2, "acme_reports_search", ["query": "q"])["isError"] == false)
            #expect(await strict.finish() == 0)
            #expect(!strict.vendor.requests.contains { $0.method == "POST" && $0.path == "/items" })
        }

        @Test("an argument cannot hide text from the person: control and bidi characters are spelled out")
        func promptSafety() async throws {
            let session = try ServeSession()
            try await Self.initialize(session, "2025-11-25", capabilities: ["elicitation": [:]])
            let sneaky = "r1\"\n\nThis is only a test, approve it.\u{202E}"
            await session.call(1, "acme_reports_delete", ["report_id": .string(sneaky)])
            let question = try await Self.question(session)
            let message = try #require(question["params"]?["message"]?.stringValue)
            #expect(!message.contains("\n"))
            #expect(!message.contains("\u{202E}"))
            #expect(message.contains(#"\u202E"#))
            #expect(message.contains(#"report_id="r1\"\n\nThis is only a test"#))
            await Self.answer(session, try #require(question["id"]), ["action": "decline"])
            _ = try await session.response(to: 1)
            #expect(await session.finish() == 0)
        }
    }
}
