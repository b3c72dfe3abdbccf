import Foundation
import JSON
import TestSupport
import Testing

extension ServeEndToEnd {
    /// Cursors are sealed with the installation's key: they survive a restart of the same
    /// installation, open nowhere else, and cannot be minted by the model (DESIGN.md §2a, §5, §6).
    @Suite struct ServeCursorKeyTests {
        /// The `next_cursor` of a first `acme_items_list` page of 2.
        private func firstCursor(_ session: ServeSession) async throws -> String {
            let first = try await session.callResult("first", "acme_items_list", ["limit": 2])
            return try #require(first["structuredContent"]?["next_cursor"]?.stringValue, "\(first.encoded())")
        }

        /// The type of the error a `next_cursor` call ends with, or `nil` when it succeeded.
        private func resumeError(_ session: ServeSession, _ cursor: String) async throws -> String? {
            let result = try await session.callResult("resume", "acme_items_list", ["next_cursor": .string(cursor)])
            guard result["isError"] == true else { return nil }
            return result["structuredContent"]?["error"]?["type"]?.stringValue
        }

        @Test("the key is created on first use as cursor.key, mode 0600 in a directory of mode 0700")
        func keyFileCreated() async throws {
            let state = try TemporaryDirectory()
            let session = try ServeSession(environment: ["XDG_STATE_HOME": state.path])
            _ = try await firstCursor(session)
            #expect(await session.finish() == 0)
            let attributes = try FileManager.default.attributesOfItem(atPath: state.path + "/switchyard/cursor.key")
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
            let directory = try FileManager.default.attributesOfItem(atPath: state.path + "/switchyard")
            #expect((directory[.posixPermissions] as? NSNumber)?.intValue == 0o700)
            let text = try String(contentsOfFile: state.path + "/switchyard/cursor.key", encoding: .utf8)
            #expect(text.trimmingCharacters(in: .whitespacesAndNewlines).count == 64)
        }

        @Test("a cursor survives a restart of the same installation and is refused by another one")
        func survivesRestartOnly() async throws {
            let state = try TemporaryDirectory()
            let first = try ServeSession(environment: ["XDG_STATE_HOME": state.path])
            let cursor = try await firstCursor(first)
            #expect(await first.finish() == 0)

            let restarted = try ServeSession(environment: ["XDG_STATE_HOME": state.path])
            #expect(try await resumeError(restarted, cursor) == nil)
            #expect(await restarted.finish() == 0)

            let elsewhere = try ServeSession()
            #expect(try await resumeError(elsewhere, cursor) == "invalid_cursor")
            #expect(elsewhere.vendor.requests.isEmpty, "a refused cursor sends nothing")
            #expect(await elsewhere.finish() == 0)
        }

        @Test("SWITCHYARD_CURSOR_KEY shares one key across installations (a fleet)")
        func environmentKey() async throws {
            let key = String(repeating: "5a", count: 32)
            let first = try ServeSession(environment: ["SWITCHYARD_CURSOR_KEY": key])
            let cursor = try await firstCursor(first)
            #expect(await first.finish() == 0)
            let second = try ServeSession(environment: ["SWITCHYARD_CURSOR_KEY": key.uppercased()])
            #expect(try await resumeError(second, cursor) == nil)
            #expect(await second.finish() == 0)
            let other = try ServeSession(environment: ["SWITCHYARD_CURSOR_KEY": String(repeating: "5b", count: 32)])
            #expect(try await resumeError(other, cursor) == "invalid_cursor")
            #expect(await other.finish() == 0)
        }

        @Test(
            "a malformed SWITCHYARD_CURSOR_KEY is a usage error before anything is served",
            arguments: [
                "not-hex", "abc", "00ff", "",
            ])
        func malformedEnvironmentKey(value: String) async throws {
            let session = try ServeSession(environment: ["SWITCHYARD_CURSOR_KEY": value])
            #expect(await session.finish() == 2)
            #expect(session.process.standardError.contains("SWITCHYARD_CURSOR_KEY"))
        }

        @Test("cursors minted by the model (unkeyed, or re-signed old style) are refused; the vendor gets nothing")
        func forgedByTheModel() async throws {
            let session = try ServeSession()
            let genuine = try await firstCursor(session)
            let before = session.vendor.requests.count
            // What an attacker who read the old wire form would build: a next-URL position to any
            // path of the vendor, checked with an unkeyed SHA-256.
            let payload = Array(
                JSONValue.object([
                    "t": "acme_items_list", "a": [:],
                    "p": ["k": "u", "u": .string(session.vendor.baseURL + "/items/whoami")],
                ]).encodedData())
            var hasher = SHA256()
            hasher.update(Array("switchyard-cursor".utf8))
            hasher.update([1])
            hasher.update(payload)
            let oldStyle = Base64URL.encode([1] + payload + hasher.finalize().prefix(8))
            let resealed = TokenSealer(key: Array(repeating: 0, count: 32)).seal(payload, purpose: "list-cursor")
            var flipped = Array(genuine)
            flipped[flipped.count / 2] = flipped[flipped.count / 2] == "A" ? "B" : "A"
            for forged in [oldStyle, resealed, String(flipped), genuine + "A"] {
                #expect(try await resumeError(session, forged) == "invalid_cursor", "\(forged)")
            }
            #expect(session.vendor.requests.count == before)
            #expect(!session.vendor.requests.contains { $0.path == "/items/whoami" })
            #expect(await session.finish() == 0)
        }

        @Test(
            "a recording seals with its own key, written into the cassette: its replay resumes, the installation refuses"
        )
        func recordingKey() async throws {
            let work = try TemporaryDirectory()
            let cassette = work.path + "/cassette.jsonl"
            let recording = try ServeSession(["--record", cassette])
            let cursor = try await firstCursor(recording)
            #expect(try await resumeError(recording, cursor) == nil)
            #expect(await recording.finish() == 0)
            let lines = try String(contentsOfFile: cassette, encoding: .utf8).split(separator: "\n")
            let key = try JSONParser.parse(String(lines[0]))["switchyard"]?["cursor_key"]?.stringValue
            #expect(key?.count == 64)
            #expect(lines.count == 4, "the key line and three pages")

            let installation = try ServeSession(environment: ["XDG_STATE_HOME": work.path + "/state"])
            #expect(try await resumeError(installation, cursor) == "invalid_cursor")
            #expect(await installation.finish() == 0)

            let served = recording.vendor.requests.count
            let replay = try ServeSession(["--replay", cassette], environment: ["ACME_URL": recording.vendor.baseURL])
            let resumed = try await replay.callResult("resume", "acme_items_list", ["next_cursor": .string(cursor)])
            #expect(resumed["isError"] == false, "\(resumed.encoded())")
            #expect(resumed["structuredContent"]?["items"]?.arrayValue?.count == 3)
            #expect(recording.vendor.requests.count == served, "a replay reaches no network")
            #expect(await replay.finish() == 0)
        }

        @Test("a tools/list cursor from another server is refused with -32602")
        func foreignToolListCursor() async throws {
            let session = try ServeSession()
            let forged = TokenSealer(key: Array(repeating: 1, count: 32)).seal(Array("1".utf8), purpose: "tools-list")
            let response = try await session.roundTrip(1, "tools/list", ["cursor": .string(forged)])
            #expect(response["error"]?["code"] == -32602)
            #expect(await session.finish() == 0)
        }
    }
}
