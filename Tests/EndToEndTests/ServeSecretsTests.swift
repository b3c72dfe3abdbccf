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
