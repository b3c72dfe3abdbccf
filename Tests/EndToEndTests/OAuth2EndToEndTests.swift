import Foundation
import JSON
import TestSupport
import Testing

/// Rotating OAuth 2.0 refresh tokens shared by real processes of the built binary through one
/// `--state-dir` (DESIGN.md §5 *Auth*, §8): rotation survives the process, a file lock serialises
/// simultaneous refreshes, a dead grant is `reauth_required`, and no secret is ever printed.
extension OAuth2AuditReloadSuites {
    @Suite struct OAuth2EndToEndTests {
        /// The vendor (token endpoint and API), its server, and a directory with the integration file.
        private struct Vendor {
            let endpoint: OAuthTokenEndpoint
            let server: LoopbackServer
            let directory: TemporaryDirectory
            /// A state directory that does not exist yet: switchyard creates it.
            var stateDirectory: String { directory.path + "/state/switchyard" }

            init(_ configuration: OAuthTokenEndpoint.Configuration = OAuthTokenEndpoint.Configuration()) throws {
                endpoint = OAuthTokenEndpoint(configuration)
                server = try LoopbackServer(handler: endpoint.reply(to:))
                directory = try TemporaryDirectory()
                try directory.write(
                    "vendor.json",
                    #"""
                    {"name": "vendor", "description": "A vendor with rotating refresh tokens.",
                     "base_url": "\#(server.baseURL)/api",
                     "auth": {"type": "oauth2", "grant": "refresh_token", "token_url": "\#(server.baseURL)/oauth/token",
                              "client_id": "\#(configuration.clientID)", "client_secret": "${VENDOR_CLIENT_SECRET}",
                              "refresh_token": "${VENDOR_REFRESH_TOKEN}", "client_auth": "basic"},
                     "resources": {"things": {"description": "Things of the vendor.", "operations": {
                       "get": {"request": "GET /things/{id}", "description": "Fetch one thing of the vendor by its id.",
                               "parameters": {"id": {"in": "path", "type": "string", "description": "The thing's id."}}}
                     }}}}
                    """#)
            }

            /// The arguments shared by every process.
            func options(_ extra: [String] = []) -> [String] {
                ["--integrations", directory.path, "--state-dir", stateDirectory] + extra
            }

            /// The environment a process is started with.
            func environment(refreshToken: String) -> [String: String] {
                ["VENDOR_CLIENT_SECRET": endpoint.configuration.clientSecret, "VENDOR_REFRESH_TOKEN": refreshToken]
            }

            /// Starts `switchyard call vendor_things_get {"id": id}`.
            func startCall(refreshToken: String, id: String = "1", logLevel: String = "debug") throws
                -> SwitchyardProcess
            {
                let process = try SwitchyardProcess(
                    ["call", "vendor_things_get", #"{"id":"\#(id)"}"#] + options(["--log-level", logLevel]),
                    environment: environment(refreshToken: refreshToken))
                process.closeInput()
                return process
            }

            /// The token file switchyard wrote, parsed.
            func storedRecord() throws -> JSONValue {
                let name = try #require(
                    try FileManager.default.contentsOfDirectory(atPath: stateDirectory).first {
                        $0.hasPrefix("oauth-vendor-") && $0.hasSuffix(".json")
                    })
                return try JSONParser.parse(try Data(contentsOf: URL(fileURLWithPath: stateDirectory + "/" + name)))
            }

            /// Every form in which a secret could leak: raw, form-encoded, and the HTTP Basic credential.
            var forbidden: [String] {
                let configuration = endpoint.configuration
                let pair = Self.formEncoded(configuration.clientID) + ":" + Self.formEncoded(configuration.clientSecret)
                let secrets = endpoint.allSecrets
                return secrets + secrets.map(Self.formEncoded) + [Data(pair.utf8).base64EncodedString()]
            }

            /// `application/x-www-form-urlencoded` encoding: every byte but the unreserved ones as `%XX`.
            static func formEncoded(_ text: String) -> String {
                let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8)
                return text.utf8.map {
                    unreserved.contains($0) ? String(UnicodeScalar($0)) : String(format: "%%%02X", $0)
                }
                .joined()
            }

            /// Records an issue for every secret found in a process's stdout or stderr.
            func expectNoSecrets(in process: SwitchyardProcess, sourceLocation: SourceLocation = #_sourceLocation) {
                let printed = process.allLines.joined(separator: "\n") + "\n" + process.standardError
                for secret in forbidden where printed.contains(secret) {
                    Issue.record("printed the secret \(secret):\n\(printed)", sourceLocation: sourceLocation)
                }
            }

            func stop() { server.stop() }
        }

        /// The result a `switchyard call` printed.
        private static func result(of process: SwitchyardProcess) -> JSONValue? {
            try? JSONParser.parse(process.allLines.joined())
        }

        private static func mode(_ path: String) throws -> Int {
            try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) & 0o777
        }

        @Test("a rotated refresh token is persisted and honoured by a later process started with the stale environment")
        func rotationSurvivesTheProcess() throws {
            let vendor = try Vendor()
            defer { vendor.stop() }
            let pasted = vendor.endpoint.issueRefreshToken()
            let first = try vendor.startCall(refreshToken: pasted)
            #expect(first.waitForExit() == 0, "\(first.standardError)")
            let rotated = try #require(vendor.endpoint.events.last?.refreshToken)
            #expect(try vendor.storedRecord()["refresh_token"]?.stringValue == rotated)
            #expect(try Self.mode(vendor.stateDirectory) == 0o700)
            let files = try FileManager.default.contentsOfDirectory(atPath: vendor.stateDirectory)
            for file in files { #expect(try Self.mode(vendor.stateDirectory + "/" + file) == 0o600, "\(file)") }
            #expect(!files.contains { $0.contains(".tmp") }, "\(files)")

            // The access token is gone: the next process must refresh — with the rotated token, not the pasted one.
            vendor.endpoint.revokeAccessTokens()
            let second = try vendor.startCall(refreshToken: pasted, id: "2")
            #expect(second.waitForExit() == 0, "\(second.standardError)")
            #expect(Self.result(of: second)?["structuredContent"]?["path"] == "/api/things/2")
            #expect(vendor.endpoint.refreshEvents.map(\.presentedRefreshToken) == [pasted, rotated])
            #expect(vendor.endpoint.invalidGrants == 0)
            #expect(
                try vendor.storedRecord()["refresh_token"]?.stringValue == vendor.endpoint.events.last?.refreshToken)
            for process in [first, second] { vendor.expectNoSecrets(in: process) }
        }

        @Test(
            "processes starting together with no token share one refresh through the lock: all succeed, no invalid_grant"
        )
        func simultaneousFirstRefresh() throws {
            let vendor = try Vendor(OAuthTokenEndpoint.Configuration(tokenDelay: .milliseconds(600)))
            defer { vendor.stop() }
            let pasted = vendor.endpoint.issueRefreshToken()
            let processes = try (1...3).map { try vendor.startCall(refreshToken: pasted, id: String($0)) }
            for process in processes { #expect(process.waitForExit() == 0, "\(process.standardError)") }
            #expect(vendor.endpoint.invalidGrants == 0)
            #expect(vendor.endpoint.refreshEvents.count == 1, "the later processes adopt the first one's token")
            #expect(
                Set(vendor.server.requests.filter { $0.path.hasPrefix("/api") }.map { $0.header("Authorization") })
                    .count == 1)
            for process in processes { vendor.expectNoSecrets(in: process) }
        }

        @Test(
            "processes that must all refresh at the same moment (stored token expired) are serialised: no invalid_grant"
        )
        func simultaneousForcedRefresh() throws {
            // One-second tokens are never adopted from the store: every process refreshes for itself.
            let vendor = try Vendor(
                OAuthTokenEndpoint.Configuration(accessTokenLifetime: 1, tokenDelay: .milliseconds(300)))
            defer { vendor.stop() }
            let pasted = vendor.endpoint.issueRefreshToken()
            let seed = try vendor.startCall(refreshToken: pasted)
            #expect(seed.waitForExit() == 0, "\(seed.standardError)")
            let processes = try (1...3).map { try vendor.startCall(refreshToken: pasted, id: String($0)) }
            for process in processes {
                #expect(process.waitForExit() == 0, "\(process.standardError)")
                #expect(Self.result(of: process)?["isError"] == false)
            }
            #expect(vendor.endpoint.invalidGrants == 0, "\(vendor.endpoint.events)")
            let refreshes = vendor.endpoint.refreshEvents
            #expect(refreshes.count >= 4)
            // Each refresh presented the token the previous one issued: a single unbroken chain.
            for (previous, next) in zip(refreshes, refreshes.dropFirst()) {
                #expect(next.presentedRefreshToken == previous.refreshToken)
            }
            #expect(try vendor.storedRecord()["refresh_token"]?.stringValue == refreshes.last?.refreshToken)
            for process in [seed] + processes { vendor.expectNoSecrets(in: process) }
        }

        @Test("a revoked refresh token ends in reauth_required, saying what a person must do, with no secret printed")
        func revokedGrant() throws {
            let vendor = try Vendor(OAuthTokenEndpoint.Configuration(echoesCredentials: true))
            defer { vendor.stop() }
            let pasted = vendor.endpoint.issueRefreshToken()
            let first = try vendor.startCall(refreshToken: pasted)
            #expect(first.waitForExit() == 0)
            // The person revokes the app's access at the vendor; the stored rotated token dies with it.
            vendor.endpoint.revokeFamily(of: pasted)
            let second = try vendor.startCall(refreshToken: pasted)
            #expect(second.waitForExit() == 1)
            let error = Self.result(of: second)?["structuredContent"]?["error"]
            #expect(error?["type"] == "reauth_required")
            #expect(error?["retryable"] == false)
            #expect(error?["message"]?.stringValue?.contains("sign in again") == true, "\(error?.encoded() ?? "")")
            for process in [first, second] { vendor.expectNoSecrets(in: process) }
        }

        @Test("a running server uses the token another process rotated meanwhile, not a stale one")
        func serverFollowsRotationByAnotherProcess() throws {
            let vendor = try Vendor()
            defer { vendor.stop() }
            let pasted = vendor.endpoint.issueRefreshToken()
            let server = try LiveReloadClient(
                vendor.options(["--log-level", "debug"]), environment: vendor.environment(refreshToken: pasted))
            try #require(server.initialize() != nil)
            #expect(server.call(id: 2, "vendor_things_get", ["id": "1"])?["result"]?["isError"] == false)

            vendor.endpoint.revokeAccessTokens()
            let other = try vendor.startCall(refreshToken: pasted, id: "2")
            #expect(other.waitForExit() == 0, "\(other.standardError)")

            vendor.endpoint.revokeAccessTokens()
            let response = server.call(id: 3, "vendor_things_get", ["id": "3"])
            #expect(response?["result"]?["isError"] == false, "\(response?.encoded() ?? "no response")")
            let presented = vendor.endpoint.refreshEvents.map(\.presentedRefreshToken)
            #expect(presented.count == 3)
            #expect(vendor.endpoint.invalidGrants == 0)
            #expect(server.finish() == 0)
            vendor.expectNoSecrets(in: server.process)
            vendor.expectNoSecrets(in: other)
        }
    }
}
