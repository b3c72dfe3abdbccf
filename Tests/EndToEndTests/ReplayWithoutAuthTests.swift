import Foundation
import JSON
import TestSupport
import Testing

extension OAuth2AuditReloadSuites {
    /// A recording of an OAuth integration replays with none of the variables its `auth` refers
    /// to — client id included, which the recording redacts like a secret (DESIGN.md §6).
    @Suite struct ReplayWithoutAuthTests {
        @Test("an OAuth call recorded with client id, secret and refresh token replays with none of them set")
        func replayNeedsNoAuthVariables() throws {
            let endpoint = OAuthTokenEndpoint(
                OAuthTokenEndpoint.Configuration(clientID: "MOCK-client-7731", clientAuthentication: .body))
            let server = try LoopbackServer(handler: endpoint.reply(to:))
            defer { server.stop() }
            let directory = try TemporaryDirectory()
            try directory.write(
                "vendor.json",
                #"""
                {"name": "vendor", "description": "A vendor whose OAuth client comes from the environment.",
                 "base_url": "${VENDOR_URL}/api",
                 "auth": {"type": "oauth2", "grant": "refresh_token", "token_url": "${VENDOR_URL}/oauth/token",
                          "client_id": "${VENDOR_CLIENT_ID}", "client_secret": "${VENDOR_CLIENT_SECRET}",
                          "refresh_token": "${VENDOR_REFRESH_TOKEN}", "client_auth": "body"},
                 "resources": {"things": {"description": "Things of the vendor.", "operations": {
                   "get": {"request": "GET /things/{id}", "description": "Fetch one thing of the vendor by its id.",
                           "parameters": {"id": {"in": "path", "type": "string", "description": "The thing's id."}}}
                 }}}}
                """#)
            let cassette = directory.path + "/cassette.jsonl"
            let arguments = ["call", "vendor_things_get", #"{"id":"4"}"#, "--integrations", directory.path]
            let recording = try SwitchyardProcess(
                arguments + ["--record", cassette, "--state-dir", directory.path + "/state-record"],
                environment: [
                    "VENDOR_URL": server.baseURL, "VENDOR_CLIENT_ID": "MOCK-client-7731",
                    "VENDOR_CLIENT_SECRET": endpoint.configuration.clientSecret,
                    "VENDOR_REFRESH_TOKEN": endpoint.issueRefreshToken(),
                ])
            recording.closeInput()
            #expect(recording.waitForExit() == 0, "\(recording.standardError) \(recording.allLines)")
            let recorded = try String(contentsOfFile: cassette, encoding: .utf8)
            #expect(!recorded.contains("MOCK-client-7731"), "the client id is redacted")
            for secret in endpoint.allSecrets { #expect(!recorded.contains(secret)) }

            let served = endpoint.events.count
            let replay = try SwitchyardProcess(
                arguments + ["--replay", cassette, "--state-dir", directory.path + "/state-replay"],
                environment: ["VENDOR_URL": server.baseURL])
            replay.closeInput()
            #expect(replay.waitForExit() == 0, "\(replay.standardError)")
            let result = try JSONParser.parse(replay.allLines.joined())
            #expect(result["isError"] == false, "\(result.encoded())")
            #expect(result["structuredContent"]?["path"] == "/api/things/4")
            #expect(!replay.standardError.contains("not set"), "\(replay.standardError)")
            #expect(endpoint.events.count == served, "a replay reaches no token endpoint")
        }
    }
}
