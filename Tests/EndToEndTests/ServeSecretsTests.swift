import Foundation
import JSON
import TestSupport
import Testing

extension ServeEndToEnd {
    /// Secrets against the real binary at `--log-level debug`: a bearer token and a query API key
    /// reach the vendor, and never stdout, stderr, the transcript or the audit log — not even when
    /// the vendor echoes them back (DESIGN.md §8).
    @Suite struct ServeSecretsTests {
        private static let secrets = [VendorIntegrations.acmeToken, VendorIntegrations.betaKey]

        /// Expects `text` to contain no secret.
        private func expectClean(_ text: String, _ place: String, sourceLocation: SourceLocation = #_sourceLocation) {
            for secret in Self.secrets {
                #expect(!text.contains(secret), "\(place) contains a secret", sourceLocation: sourceLocation)
            }
        }

        @Test("credentials echoed by the vendor never appear on stdout, stderr, the transcript or the audit log")
        func noSecretAnywhere() async throws {
            let logs = try TemporaryDirectory()
            let transcript = logs.path + "/transcript.jsonl"
            let audit = logs.path + "/audit.jsonl"
            let session = try ServeSession([
                "--log-level", "debug", "--transcript", transcript, "--audit-log", audit,
            ])
            try await session.initialize("2025-11-25")
            let echoed = try await session.callResult(1, "acme_items_get", ["item_id": "echo"])
            #expect(echoed["isError"] == true)
            #expect(echoed["structuredContent"]?["error"]?["type"] == "unauthorized")
            let whoami = try await session.callResult(2, "acme_items_get", ["item_id": "whoami"])
            #expect(whoami["isError"] == false)
            let key = try await session.callResult(3, "beta_widgets_get", ["widget_id": "w1"])
            #expect(key["isError"] == true)
            #expect(key["structuredContent"]?["error"]?["type"] == "forbidden")
            let list = try await session.callResult(
                4, "acme_items_list", ["limit": 3, "color": "echo"], meta: ["progressToken": "p"])
            #expect(list["isError"] == false)
            #expect(list["structuredContent"]?["items"]?[0]?["seen"] == "Bearer [REDACTED]")
            #expect(whoami["structuredContent"]?["authorization"] == "Bearer [REDACTED]")
            let modern = try await session.callResult(
                5, "acme_items_get", ["item_id": "echo"], meta: ServeSession.modernMeta)
            #expect(modern["isError"] == true)
            #expect(await session.finish() == 0)

            let requests = session.vendor.requests
            #expect(requests.contains { $0.header("Authorization") == "Bearer \(VendorIntegrations.acmeToken)" })
            #expect(requests.contains { $0.queryValue("api_key") == VendorIntegrations.betaKey })
            expectClean(session.process.allLines.joined(separator: "\n"), "stdout")
            expectClean(session.process.standardError, "stderr")
            #expect(session.process.standardError.contains("debug"), "debug logging was not on")
            let transcriptText = try String(contentsOfFile: transcript, encoding: .utf8)
            #expect(transcriptText.contains("acme_items_get"))
            expectClean(transcriptText, "the transcript")
            let auditText = try String(contentsOfFile: audit, encoding: .utf8)
            #expect(auditText.split(separator: "\n").count == 5)
            expectClean(auditText, "the audit log")
        }

        @Test("a next link repeating the query API key leaves it out of next_cursor, and the key is sent once")
        func keyNotInCursor() async throws {
            let session = try ServeSession()
            let first = try await session.callResult(1, "beta_widgets_list", ["limit": 1])
            let cursor = try #require(first["structuredContent"]?["next_cursor"]?.stringValue)
            var base64 = cursor.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
            base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
            let decoded = String(decoding: try #require(Data(base64Encoded: base64)), as: UTF8.self)
            #expect(decoded.contains("page=2"), "the cursor should hold the next link: \(decoded)")
            expectClean(decoded, "the decoded next_cursor")
            let second = try await session.callResult(
                2, "beta_widgets_list", ["limit": 5, "next_cursor": .string(cursor)])
            let ids = second["structuredContent"]?["items"]?.arrayValue?.compactMap { $0["id"]?.stringValue }
            #expect(ids == ["w2", "w3"])
            #expect(await session.finish() == 0)
            let requests = session.vendor.requests
            #expect(requests.count == 3)
            for request in requests {
                #expect(request.queryItems.filter { $0.name == "api_key" }.map(\.value) == [VendorIntegrations.betaKey])
            }
            expectClean(session.process.allLines.joined(separator: "\n"), "stdout")
        }

        @Test("each integration's credential goes only to its own vendor")
        func secretsStayWithTheirIntegration() async throws {
            let session = try ServeSession(["--log-level", "debug"])
            _ = try await session.callResult(1, "acme_items_get", ["item_id": "i1"])
            _ = try await session.callResult(2, "beta_widgets_get", ["widget_id": "w1"])
            #expect(await session.finish() == 0)
            let requests = session.vendor.requests
            let acme = try #require(requests.first { $0.path == "/items/i1" })
            let beta = try #require(requests.first { $0.path == "/widgets/w1" })
            #expect(acme.queryValue("api_key") == nil, "beta's key was sent to acme")
            #expect(beta.header("Authorization") == nil, "acme's token was sent to beta")
            expectClean(session.process.allLines.joined(separator: "\n"), "stdout")
            expectClean(session.process.standardError, "stderr")
        }
    }
}
