import Foundation
import JSON
import TestSupport
import Testing

extension ServeEndToEnd {
    /// SIGTERM and SIGINT against the real binary: reading stops, in-flight calls get the grace
    /// period, the rest are aborted and answered with `cancelled`, everything is audited, exit 0;
    /// a second signal exits at once (DESIGN.md §2a `--shutdown-grace-ms`).
    @Suite struct ServeSignalTests {
        /// A vendor that never answers, with a generous time limit, as an extra integration.
        private static let stuck = #"""
            {"name": "stuck", "description": "A vendor that never answers within the test.",
             "base_url": "${STUCK_URL}", "timeout_ms": 60000,
             "resources": {"things": {"description": "Things that never come.", "operations": {
               "get": {"request": "GET /things/{id}", "description": "Get one thing by its id (it never comes).",
                       "parameters": {"id": {"in": "path", "type": "string", "description": "The id."}}},
               "create": {"request": "POST /things", "description": "Create one thing (the answer never comes).",
                          "parameters": {"name": {"in": "body", "type": "string", "description": "The name."}}}}}}}
            """#

        private static func audit(_ path: String) throws -> [JSONValue] {
            try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map {
                try JSONParser.parse(String($0))
            }
        }

        @Test("SIGTERM lets a call in flight finish within the grace period: answered, audited, exit 0")
        func graceLetsCallsFinish() async throws {
            let work = try TemporaryDirectory()
            let session = try ServeSession(["--audit-log", work.path + "/audit.jsonl", "--log-level", "info"])
            try await session.initialize("2025-11-25")
            await session.call("slow", "acme_items_get", ["item_id": "slow"])
            #expect(await session.vendor.server.waitForRequests(count: 1, timeout: ServeSession.timeout))
            session.process.send(signal: SIGTERM)
            #expect(await session.waitForError(containing: "signal 15"))
            let answer = try await session.response(to: "slow")
            #expect(answer["result"]?["isError"] == false)
            #expect(answer["result"]?["structuredContent"]?["id"] == "slow")
            let status = await OffPool.run { [process = session.process] in process.waitForExit(timeout: .seconds(20)) }
            #expect(status == 0)
            let lines = try Self.audit(work.path + "/audit.jsonl")
            #expect(lines.count == 1)
            #expect(lines.first?["outcome"] == "ok")
        }

        @Test(
            "past the grace period calls are aborted, their transfers cancelled, each answered cancelled and audited",
            arguments: [SIGTERM, SIGINT])
        func abortAfterGrace(signal: Int32) async throws {
            let stalling = try LoopbackServer { _ in .stall }
            let work = try TemporaryDirectory()
            let session = try ServeSession(
                ["--shutdown-grace-ms", "300", "--audit-log", work.path + "/audit.jsonl", "--log-level", "info"],
                environment: ["STUCK_URL": stalling.baseURL], retaining: [stalling],
                extraFiles: ["stuck.json": Self.stuck])
            try await session.initialize("2025-11-25")
            await session.call("read", "stuck_things_get", ["id": "t1"])
            await session.call("write", "stuck_things_create", ["name": "n"])
            #expect(await stalling.waitForRequests(count: 2, timeout: ServeSession.timeout))
            session.process.send(signal: signal)
            #expect(await session.waitForError(containing: "signal \(signal)"))
            for id: JSONValue in ["read", "write"] {
                let answer = try await session.response(to: id)
                #expect(answer["result"]?["isError"] == true, "\(answer.encoded())")
                let error = answer["result"]?["structuredContent"]?["error"]
                #expect(error?["type"] == "cancelled")
                #expect(error?["message"]?.stringValue?.contains("server shutting down") == true)
            }
            #expect(await stalling.waitForClosedConnections(count: 2, timeout: ServeSession.timeout))
            let status = await OffPool.run { [process = session.process] in process.waitForExit(timeout: .seconds(20)) }
            #expect(status == 0)
            let lines = try Self.audit(work.path + "/audit.jsonl")
            #expect(Set(lines.compactMap { $0["tool"]?.stringValue }) == ["stuck_things_get", "stuck_things_create"])
            #expect(lines.allSatisfy { $0["outcome"] == "error" && $0["error_type"] == "cancelled" })
            ServeSession.expectProtocolOnly(session.process.allLines)
        }

        @Test("after the signal no further line is served")
        func stopsReading() async throws {
            let stalling = try LoopbackServer { _ in .stall }
            let session = try ServeSession(
                ["--shutdown-grace-ms", "2000", "--log-level", "info"], environment: ["STUCK_URL": stalling.baseURL],
                retaining: [stalling], extraFiles: ["stuck.json": Self.stuck])
            await session.call("held", "stuck_things_get", ["id": "t1"])
            #expect(await stalling.waitForRequests(count: 1, timeout: ServeSession.timeout))
            session.process.send(signal: SIGTERM)
            #expect(await session.waitForError(containing: "signal 15"))
            await session.request("late", "tools/list")
            _ = try await session.response(to: "held")
            let status = await OffPool.run { [process = session.process] in process.waitForExit(timeout: .seconds(20)) }
            #expect(status == 0)
            let messages = session.process.allLines.compactMap { try? JSONParser.parse($0) }
            #expect(!messages.contains { $0["id"] == "late" }, "a line read after the signal was served")
        }

        @Test("a second signal exits at once, without waiting for the grace period")
        func secondSignal() async throws {
            let stalling = try LoopbackServer { _ in .stall }
            let session = try ServeSession(
                ["--shutdown-grace-ms", "60000", "--log-level", "info"], environment: ["STUCK_URL": stalling.baseURL],
                retaining: [stalling], extraFiles: ["stuck.json": Self.stuck])
            await session.call("held", "stuck_things_get", ["id": "t1"])
            #expect(await stalling.waitForRequests(count: 1, timeout: ServeSession.timeout))
            session.process.send(signal: SIGTERM)
            #expect(await session.waitForError(containing: "signal 15"))
            session.process.send(signal: SIGTERM)
            let status = await OffPool.run { [process = session.process] in process.waitForExit(timeout: .seconds(10)) }
            #expect(status == 128 + SIGTERM)
        }

        @Test("--shutdown-grace-ms takes a whole number of milliseconds", arguments: ["-1", "abc", "600001", ""])
        func badGrace(value: String) async throws {
            let session = try ServeSession(["--shutdown-grace-ms", value])
            #expect(await session.finish() == 2)
            #expect(session.process.standardError.contains("--shutdown-grace-ms"))
        }
    }
}
