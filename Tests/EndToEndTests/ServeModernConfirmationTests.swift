import Foundation
import JSON
import TestSupport
import Testing

extension ServeEndToEnd {
    /// 2026-07-28 confirmation through the real binary: `input_required` with an
    /// `elicitation/create` input request and a sealed `requestState`, answered by a retry; the
    /// state is bound to the tool and arguments, expires, and opens once.
    @Suite struct ServeModernConfirmationTests {
        /// The sealing key the tests give the server, so they can mint states of their own.
        static let keyHex = String(repeating: "3c", count: 32)
        static let key = [UInt8](repeating: 0x3c, count: 32)
        static let deleteArguments: JSONValue = ["report_id": "r1"]

        static let meta: JSONValue = [
            "io.modelcontextprotocol/protocolVersion": "2026-07-28",
            "io.modelcontextprotocol/clientCapabilities": ["elicitation": ["form": [:]]],
        ]

        static func session() throws -> ServeSession {
            try ServeSession(environment: ["SWITCHYARD_CURSOR_KEY": keyHex])
        }

        /// Sends a modern `tools/call`, with `requestState` and `inputResponses` when given.
        static func call(
            _ session: ServeSession, _ id: JSONValue, arguments: JSONValue = deleteArguments, state: String? = nil,
            responses: JSONValue? = nil
        ) async throws -> JSONValue {
            var params: JSONObject = ["name": "acme_reports_delete", "arguments": arguments, "_meta": meta]
            if let state { params["requestState"] = .string(state) }
            if let responses { params["inputResponses"] = responses }
            return try await session.roundTrip(id, "tools/call", .object(params))
        }

        static let accept: JSONValue = ["confirm": ["action": "accept", "content": ["confirm": true]]]

        /// The first round: the `input_required` result's request state.
        static func firstRound(_ session: ServeSession, _ id: JSONValue) async throws -> String {
            let result = try #require(try await call(session, id)["result"])
            return try #require(result["requestState"]?.stringValue)
        }

        static func deletes(_ session: ServeSession) -> Int {
            session.vendor.requests.filter { $0.method == "DELETE" }.count
        }

        static func seal(_ payload: JSONValue) -> String {
            TokenSealer(key: key).seal(Array(payload.encoded().utf8), purpose: "request-state/confirm")
        }

        static func digest(_ arguments: JSONValue) -> String {
            SHA256.hexDigest(arguments.encodedData(sortedKeys: true))
        }

        @Test("input_required, then a retry with the answer runs the call exactly once")
        func accepted() async throws {
            let session = try Self.session()
            let first = try #require(try await Self.call(session, 1)["result"])
            #expect(first["resultType"] == "input_required")
            #expect(first["_meta"]?["io.modelcontextprotocol/serverInfo"]?["name"] == "switchyard")
            #expect(first["content"] == nil)
            let question = try #require(first["inputRequests"]?["confirm"])
            #expect(question["method"] == "elicitation/create")
            #expect(question["params"]?["mode"] == "form")
            #expect(question["params"]?["message"]?.stringValue?.contains(#"report_id="r1""#) == true)
            let state = try #require(first["requestState"]?.stringValue)
            #expect(Self.deletes(session) == 0)
            let second = try #require(
                try await Self.call(session, 2, state: state, responses: Self.accept)["result"])
            #expect(second["resultType"] == "complete")
            #expect(second["isError"] == false)
            #expect(Self.deletes(session) == 1)
            // Replayed: refused, nothing more sent.
            let replay = try await Self.call(session, 3, state: state, responses: Self.accept)
            #expect(replay["error"]?["code"] == -32602)
            #expect(replay["error"]?["message"]?.stringValue?.contains("already used") == true)
            #expect(await session.finish() == 0)
            #expect(Self.deletes(session) == 1)
            let requests = session.process.allLines.compactMap { try? JSONParser.parse($0) }.filter {
                $0["method"] != nil && $0["id"] != nil
            }
            #expect(requests.isEmpty, "a JSON-RPC request was written in the modern era: \(requests)")
        }

        @Test("a declined answer returns declined and sends nothing; no answer asks again")
        func declined() async throws {
            let session = try Self.session()
            let state = try await Self.firstRound(session, 1)
            let declined = try #require(
                try await Self.call(session, 2, state: state, responses: ["confirm": ["action": "decline"]])["result"])
            #expect(declined["structuredContent"]?["error"]?["type"] == "declined")
            #expect(declined["resultType"] == "complete")
            let again = try await Self.firstRound(session, 3)
            let unanswered = try #require(try await Self.call(session, 4, state: again, responses: [:])["result"])
            #expect(unanswered["resultType"] == "input_required")
            #expect(unanswered["requestState"]?.stringValue != again)
            #expect(await session.finish() == 0)
            #expect(Self.deletes(session) == 0)
        }

        @Test("a tampered, foreign, changed-argument or expired requestState is refused with -32602")
        func refusedStates() async throws {
            let session = try Self.session()
            let state = try await Self.firstRound(session, 1)
            // One character changed.
            var characters = Array(state)
            let middle = characters.count / 2
            characters[middle] = characters[middle] == "A" ? "B" : "A"
            let tampered = try await Self.call(session, 2, state: String(characters), responses: Self.accept)
            #expect(tampered["error"]?["code"] == -32602)
            // Another argument than the one confirmed.
            let other = try await Self.call(
                session, 3, arguments: ["report_id": "r2"], state: state, responses: Self.accept)
            #expect(other["error"]?["code"] == -32602)
            // Sealed under another key.
            let foreign = TokenSealer(key: [UInt8](repeating: 7, count: 32)).seal(
                Array(#"{"v":1}"#.utf8), purpose: "request-state/confirm")
            #expect(try await Self.call(session, 4, state: foreign, responses: Self.accept)["error"]?["code"] == -32602)
            // Expired: minted with the server's key, an expiry in the past.
            let past = Int64((Date().timeIntervalSince1970 - 1) * 1000)
            let expired = Self.seal([
                "v": 1, "tool": "acme_reports_delete", "args": .string(Self.digest(Self.deleteArguments)),
                "exp": .int(past), "nonce": "n-expired",
            ])
            let refused = try await Self.call(session, 5, state: expired, responses: Self.accept)
            #expect(refused["error"]?["code"] == -32602)
            #expect(refused["error"]?["message"]?.stringValue?.contains("expired") == true)
            // The same state with a future expiry opens: the refusal above was the expiry alone.
            let future = Self.seal([
                "v": 1, "tool": "acme_reports_delete", "args": .string(Self.digest(Self.deleteArguments)),
                "exp": .int(past + 600_000), "nonce": "n-future",
            ])
            #expect(Self.deletes(session) == 0)
            let accepted = try await Self.call(session, 6, state: future, responses: Self.accept)
            #expect(accepted["result"]?["isError"] == false)
            #expect(await session.finish() == 0)
            #expect(Self.deletes(session) == 1)
        }

        @Test("subscriptions/listen: acknowledged, told of a reload, ended by cancellation and at EOF")
        func subscriptions() async throws {
            let session = try Self.session()
            let listen: JSONValue = [
                "_meta": ServeSession.modernMeta,
                "notifications": ["toolsListChanged": true, "promptsListChanged": true],
            ]
            await session.request("s1", "subscriptions/listen", listen)
            let ack = try await session.next()
            #expect(ack["method"] == "notifications/subscriptions/acknowledged")
            #expect(ack["params"]?["_meta"]?["io.modelcontextprotocol/subscriptionId"] == "s1")
            #expect(ack["params"]?["notifications"] == ["toolsListChanged": true])
            await session.request("s2", "subscriptions/listen", listen)
            #expect(try await session.next()["params"]?["_meta"]?["io.modelcontextprotocol/subscriptionId"] == "s2")
            // A listen that asks for nothing this server has is acknowledged with an empty filter.
            await session.request(7, "subscriptions/listen", ["_meta": ServeSession.modernMeta, "notifications": [:]])
            #expect(try await session.next()["params"]?["notifications"] == [:])
            try session.files.directory.write(
                "acme.json",
                try String(contentsOfFile: session.files.directory.path + "/acme.json", encoding: .utf8)
                    .replacingOccurrences(
                        of: "Delete one sales report for good.", with: "Delete one sales report, for good."))
            var notified: Set<JSONValue> = []
            while notified.count < 2 {
                let message = try await session.next()
                #expect(message["method"] == "notifications/tools/list_changed")
                if let id = message["params"]?["_meta"]?["io.modelcontextprotocol/subscriptionId"] {
                    notified.insert(id)
                }
            }
            #expect(notified == ["s1", "s2"])
            await session.notify("notifications/cancelled", ["requestId": "s2"])
            #expect(try await session.roundTrip(3, "tools/list", ["_meta": ServeSession.modernMeta])["result"] != nil)
            #expect(await session.finish() == 0)
            let messages = session.process.allLines.compactMap { try? JSONParser.parse($0) }
            let closing = try #require(messages.first { $0["id"] == "s1" })
            #expect(closing["result"]?["resultType"] == "complete")
            #expect(closing["result"]?["_meta"]?["io.modelcontextprotocol/subscriptionId"] == "s1")
            #expect(
                messages.contains { $0["method"] == "notifications/cancelled" && $0["params"]?["requestId"] == "s1" })
            #expect(!messages.contains { $0["id"] == "s2" }, "the cancelled subscription was answered")
        }

        @Test("server/discover advertises tools.listChanged")
        func discover() async throws {
            let session = try Self.session()
            let result = try #require(
                try await session.roundTrip(1, "server/discover", ["_meta": ServeSession.modernMeta])["result"])
            #expect(result["capabilities"]?["tools"]?["listChanged"] == true)
            #expect(result["resultType"] == "complete")
            #expect(await session.finish() == 0)
        }
    }
}
