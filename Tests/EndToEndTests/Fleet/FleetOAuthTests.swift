import Foundation
import JSON
import TestSupport
import Testing

extension FleetEndToEnd {
    /// Two processes that share nothing but a Redis server (each has its own state directory, as
    /// on two machines) and one rotating refresh-token grant.
    @Suite struct FleetOAuthTests {
        @Test("two processes, 200 concurrent calls each, short-lived tokens: every call ok, no invalid_grant")
        func sharedRotatingGrant() async throws {
            let redis = try await RedisServer.launch()
            defer { redis.kill() }
            let endpoint = OAuthTokenEndpoint(
                OAuthTokenEndpoint.Configuration(accessTokenLifetime: 1, tokenDelay: .milliseconds(50)))
            // API answers take a while, so the 400 calls outlive several access tokens.
            let vendor = try LoopbackServer { request in
                let reply = endpoint.reply(to: request)
                return request.path.hasPrefix("/api") ? .delayed(.milliseconds(100), reply) : reply
            }
            defer { vendor.stop() }
            let directory = try TemporaryDirectory()
            try directory.write(
                "vendor.json",
                #"""
                {"name": "vendor", "description": "A vendor with rotating refresh tokens.",
                 "base_url": "\#(vendor.baseURL)/api",
                 "auth": {"type": "oauth2", "grant": "refresh_token", "token_url": "\#(vendor.baseURL)/oauth/token",
                          "client_id": "\#(endpoint.configuration.clientID)", "client_secret": "${VENDOR_SECRET}",
                          "refresh_token": "${VENDOR_REFRESH_TOKEN}", "client_auth": "basic"},
                 "rate_limit": {"max_concurrent": 10},
                 "resources": {"things": {"description": "Things of the vendor.", "operations": {
                   "get": {"request": "GET /things/{id}", "description": "Fetch one thing of the vendor by its id.",
                           "parameters": {"id": {"in": "path", "type": "string", "description": "The thing's id."}}}
                 }}}}
                """#)
            let pasted = endpoint.issueRefreshToken()
            let environment = [
                "VENDOR_SECRET": endpoint.configuration.clientSecret, "VENDOR_REFRESH_TOKEN": pasted,
            ]
            let members = try ["a", "b"].map { name in
                try FleetMember(
                    [
                        "--integrations", directory.path, "--state-store", redis.url(),
                        "--state-dir", directory.path + "/state-" + name,
                    ], environment: environment)
            }
            let calls = (0..<200).map {
                (tool: "vendor_things_get", arguments: JSONValue.object(["id": .string("t\($0)")]))
            }
            async let first = members[0].callAll(calls, prefix: "a")
            async let second = members[1].callAll(calls, prefix: "b")
            let results = try await [first, second]
            for (id, result) in results.flatMap({ $0 }) where result["isError"] != false {
                Issue.record("\(id) failed: \(result.encoded())")
            }
            #expect(results.map(\.count) == [200, 200])
            #expect(endpoint.invalidGrants == 0)
            #expect(endpoint.refreshEvents.count >= 2, "the grant rotated while the calls ran")
            for member in members { #expect(await member.finish() == 0) }
            let printed = members.map { $0.process.allLines.joined() + $0.process.standardError }.joined()
            for secret in endpoint.allSecrets where printed.contains(secret) {
                Issue.record("printed a secret")
            }
        }
    }
}
