import Catalog
import Engine
import Foundation
import JSON
import TestSupport
import Testing

/// OAuth 2.0 tokens obtained, cached, shared and refreshed by the engine (DESIGN.md §5 *Auth*),
/// against a strict loopback vendor through the real libcurl transport.
@Suite struct OAuth2ProviderTests {
    @Test(
        "a client-credentials token is fetched once, with the configured client authentication, and reused",
        arguments: [OAuthTokenEndpoint.ClientAuthentication.basic, .body])
    func clientCredentialsReused(method: OAuthTokenEndpoint.ClientAuthentication) async throws {
        let endpoint = OAuthTokenEndpoint(OAuthTokenEndpoint.Configuration(clientAuthentication: method))
        let fixture = try OAuth2Fixture(
            endpoint: endpoint, grant: .clientCredentials, scope: "things.read things.write", stateDirectory: nil)
        defer { fixture.stop() }
        for id in ["1", "2", "3"] {
            let outcome = try await fixture.call(id)
            #expect(!outcome.isError, "\(outcome.text)")
        }
        #expect(endpoint.tokenRequests == 1)
        let event = try #require(endpoint.events.first)
        #expect(event.grant == "client_credentials")
        #expect(event.clientAuthentication == method.rawValue)
        #expect(event.scope == "things.read things.write")
        #expect(fixture.apiTokens == Array(repeating: event.accessToken, count: 3))
        #expect(endpoint.unauthorizedAPICalls == 0)
    }

    @Test(
        "concurrent calls with no token yet share one token request",
        arguments: [OAuth2Config.Grant.clientCredentials, .refreshToken])
    func concurrentCallsShareOneRefresh(grant: OAuth2Config.Grant) async throws {
        let endpoint = OAuthTokenEndpoint(OAuthTokenEndpoint.Configuration(tokenDelay: .milliseconds(300)))
        let state = try TemporaryDirectory()
        let fixture = try OAuth2Fixture(
            endpoint: endpoint, grant: grant, refreshToken: endpoint.issueRefreshToken(), stateDirectory: state.path)
        defer { fixture.stop() }
        let outcomes = await withTaskGroup(of: ToolOutcome?.self) { group in
            for id in 1...8 { group.addTask { try? await fixture.call(String(id)) } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(outcomes.count == 8)
        #expect(outcomes.allSatisfy { $0?.isError == false })
        #expect(endpoint.tokenRequests == 1)
        #expect(endpoint.invalidGrants == 0)
        #expect(Set(fixture.apiTokens).count == 1)
    }

    @Test(
        "a token is refreshed when the smaller of 60 s and a tenth of its lifetime remains, before the API refuses it",
        arguments: [(2.0, 0.2), (3600.0, 60.0)])
    func proactiveRefreshAtSkew(lifetime: Double, skew: Double) async throws {
        let clock = ManualClock()
        let endpoint = OAuthTokenEndpoint(
            OAuthTokenEndpoint.Configuration(accessTokenLifetime: lifetime), now: clock.now)
        let state = try TemporaryDirectory()
        let fixture = try OAuth2Fixture(
            endpoint: endpoint, refreshToken: endpoint.issueRefreshToken(), stateDirectory: state.path, clock: clock)
        defer { fixture.stop() }
        func seconds(_ value: Double) -> Duration { .milliseconds(Int64((value * 1000).rounded())) }
        #expect(try await fixture.call("1").isError == false)
        clock.advance(by: seconds(lifetime - skew - skew / 4))  // just before the refresh point
        #expect(try await fixture.call("2").isError == false)
        #expect(endpoint.tokenRequests == 1, "refreshed too early")
        clock.advance(by: seconds(skew / 2))  // past the refresh point, still before expiry
        #expect(try await fixture.call("3").isError == false)
        #expect(endpoint.tokenRequests == 2, "not refreshed before expiry")
        clock.advance(by: seconds(skew))  // the first token has expired now
        #expect(try await fixture.call("4").isError == false)
        let issued = endpoint.events.map(\.accessToken)
        #expect(fixture.apiTokens == [issued[0], issued[0], issued[1], issued[1]])
        #expect(endpoint.unauthorizedAPICalls == 0)
        #expect(endpoint.invalidGrants == 0)
    }

    @Test("on the real clock, calls across an expiry all succeed with one refresh")
    func proactiveRefreshRealClock() async throws {
        // 6 s tokens are refreshed 0.6 s before expiry. The exact schedule (no 401 at all) is
        // asserted on the manual clock above; here, on a loaded two-core machine, one request can
        // still be in flight across the margin, so at most one 401 is tolerated — and absorbed.
        let endpoint = OAuthTokenEndpoint(OAuthTokenEndpoint.Configuration(accessTokenLifetime: 6))
        let state = try TemporaryDirectory()
        let fixture = try OAuth2Fixture(
            endpoint: endpoint, refreshToken: endpoint.issueRefreshToken(), stateDirectory: state.path)
        defer { fixture.stop() }
        let limit = ContinuousClock.now + .seconds(20)
        var calls = 0
        var callsAfterRefresh = 0
        while callsAfterRefresh < 3, ContinuousClock.now < limit {
            let outcome = try await fixture.call(String(calls))
            #expect(!outcome.isError, "\(outcome.text)")
            calls += 1
            if endpoint.tokenRequests > 1 { callsAfterRefresh += 1 }
            try await Task.sleep(for: .milliseconds(150))  // pacing the calls, not waiting for an event
        }
        #expect(endpoint.tokenRequests == 2)
        #expect(endpoint.unauthorizedAPICalls <= 1)
        #expect(endpoint.authorizedAPICalls == calls)
    }

    @Test(
        "a revoked access token costs one refresh and one replay, invisible to the caller",
        arguments: [OAuth2Config.Grant.clientCredentials, .refreshToken])
    func revokedAccessToken(grant: OAuth2Config.Grant) async throws {
        let endpoint = OAuthTokenEndpoint()
        let state = try TemporaryDirectory()
        let fixture = try OAuth2Fixture(
            endpoint: endpoint, grant: grant, refreshToken: endpoint.issueRefreshToken(), stateDirectory: state.path)
        defer { fixture.stop() }
        #expect(try await fixture.call("1").isError == false)
        endpoint.revokeAccessTokens()
        let outcome = try await fixture.call("2")
        #expect(!outcome.isError, "\(outcome.text)")
        #expect(outcome.structured == ["ok": true, "path": "/api/things/2"])
        #expect(endpoint.tokenRequests == 2)
        #expect(endpoint.unauthorizedAPICalls == 1)
        let tokens = endpoint.events.map(\.accessToken)
        #expect(fixture.apiTokens == [tokens[0], tokens[0], tokens[1]])
        #expect(outcome.attempts == 2)
    }

    @Test(
        "concurrent calls whose token was revoked share one refresh and all replay",
        arguments: [OAuth2Config.Grant.clientCredentials, .refreshToken])
    func concurrentUnauthorizedShareOneRefresh(grant: OAuth2Config.Grant) async throws {
        // A slow token endpoint: every call's 401 arrives while the one refresh is still running.
        let endpoint = OAuthTokenEndpoint(OAuthTokenEndpoint.Configuration(tokenDelay: .seconds(1)))
        let state = try TemporaryDirectory()
        let fixture = try OAuth2Fixture(
            endpoint: endpoint, grant: grant, refreshToken: endpoint.issueRefreshToken(), stateDirectory: state.path)
        defer { fixture.stop() }
        #expect(try await fixture.call("0").isError == false)
        endpoint.revokeAccessTokens()
        let outcomes = await withTaskGroup(of: ToolOutcome?.self) { group in
            for id in 1...8 { group.addTask { try? await fixture.call(String(id)) } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        for outcome in outcomes { #expect(outcome?.isError == false, "\(outcome?.text ?? "no outcome")") }
        #expect(endpoint.tokenRequests == 2)
        #expect(endpoint.unauthorizedAPICalls == 8)
        #expect(endpoint.invalidGrants == 0)
    }

    @Test(
        "a 401 after the refresh is unauthorized: no second refresh, no third request",
        arguments: [OAuth2Config.Grant.clientCredentials, .refreshToken])
    func secondUnauthorized(grant: OAuth2Config.Grant) async throws {
        let endpoint = OAuthTokenEndpoint()
        let state = try TemporaryDirectory()
        let fixture = try OAuth2Fixture(
            endpoint: endpoint, grant: grant, refreshToken: endpoint.issueRefreshToken(), stateDirectory: state.path)
        defer { fixture.stop() }
        endpoint.setRejectsEveryAccessToken(true)
        let outcome = try await fixture.call()
        #expect(outcome.errorType == .unauthorized)
        #expect(outcome.status == 401)
        #expect(outcome.error?.retryable == false)
        #expect(endpoint.tokenRequests == 2)
        #expect(endpoint.unauthorizedAPICalls == 2)
    }

    @Test(
        "a refused client (wrong secret, or the wrong authentication method) is unauthorized and the API is never called",
        arguments: [
            (.clientCredentials, "wrong-secret", .basic), (.refreshToken, "wrong-secret", .basic),
            (.clientCredentials, nil, .body), (.refreshToken, nil, .body),
        ] as [(OAuth2Config.Grant, String?, OAuthTokenEndpoint.ClientAuthentication)])
    func invalidClient(
        grant: OAuth2Config.Grant, secret: String?, method: OAuthTokenEndpoint.ClientAuthentication
    ) async throws {
        let endpoint = OAuthTokenEndpoint()  // accepts HTTP Basic only
        let state = try TemporaryDirectory()
        let fixture = try OAuth2Fixture(
            endpoint: endpoint, grant: grant, refreshToken: endpoint.issueRefreshToken(), clientSecret: secret,
            clientAuthentication: method, stateDirectory: state.path)
        defer { fixture.stop() }
        let outcome = try await fixture.call()
        #expect(outcome.errorType == .unauthorized)
        #expect(outcome.status == 401)
        #expect(outcome.text.contains("invalid_client"))
        #expect(outcome.error?.retryable == false)
        #expect(endpoint.events.map(\.error) == ["invalid_client"])
        #expect(fixture.apiTokens.isEmpty)
    }

    @Test("a token endpoint that fails is upstream_error; one that answers without a token is invalid_response")
    func tokenEndpointFailures() async throws {
        let endpoint = OAuthTokenEndpoint()
        let unavailable = try OAuth2Fixture(
            endpoint: endpoint, grant: .clientCredentials, stateDirectory: nil,
            intercept: { $0.path == "/oauth/token" ? .json(503, #"{"error":"temporarily_unavailable"}"#) : nil })
        defer { unavailable.stop() }
        let down = try await unavailable.call()
        #expect(down.errorType == .upstreamError)
        #expect(down.status == 503)
        #expect(unavailable.apiTokens.isEmpty)

        let tokenless = try OAuth2Fixture(
            endpoint: endpoint, grant: .clientCredentials, stateDirectory: nil,
            intercept: { $0.path == "/oauth/token" ? .json(#"{"token_type":"Bearer"}"#) : nil })
        defer { tokenless.stop() }
        let empty = try await tokenless.call()
        #expect(empty.errorType == .invalidResponse)
        #expect(tokenless.apiTokens.isEmpty)

        let html = try OAuth2Fixture(
            endpoint: endpoint, grant: .clientCredentials, stateDirectory: nil,
            intercept: { $0.path == "/oauth/token" ? .text("<html>maintenance</html>") : nil })
        defer { html.stop() }
        #expect(try await html.call().errorType == .invalidResponse)
    }

    @Test("a token without expires_in is used until the API refuses it, then refreshed once")
    func tokenWithoutLifetime() async throws {
        let endpoint = OAuthTokenEndpoint(OAuthTokenEndpoint.Configuration(accessTokenLifetime: nil))
        let fixture = try OAuth2Fixture(endpoint: endpoint, grant: .clientCredentials, stateDirectory: nil)
        defer { fixture.stop() }
        for id in ["1", "2"] { #expect(try await fixture.call(id).isError == false) }
        endpoint.revokeAccessTokens()
        #expect(try await fixture.call("3").isError == false)
        #expect(endpoint.tokenRequests == 2)
        #expect(endpoint.unauthorizedAPICalls == 1)
    }
}
