import Catalog
import Engine
import Foundation
import JSON
import SystemIO
import TestSupport
import Testing

/// No token or secret ever reaches the model, a log or a recording (DESIGN.md §8), even when the
/// token endpoint or the API quotes back what it was sent.
@Suite struct OAuth2RedactionTests {
    /// Every form in which a credential of `endpoint` could be quoted back.
    private static func forbidden(_ endpoint: OAuthTokenEndpoint, plus extra: [String] = []) -> [String] {
        let configuration = endpoint.configuration
        let pair =
            PercentEncoding.formComponent(configuration.clientID) + ":"
            + PercentEncoding.formComponent(configuration.clientSecret)
        let secrets = endpoint.allSecrets + extra
        return secrets + secrets.map(PercentEncoding.formComponent) + [Data(pair.utf8).base64EncodedString()]
    }

    private static func expectClean(
        _ text: String, of endpoint: OAuthTokenEndpoint, plus extra: [String] = [],
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        for secret in forbidden(endpoint, plus: extra) where text.contains(secret) {
            Issue.record("leaked \(secret) in: \(text)", sourceLocation: sourceLocation)
        }
    }

    @Test(
        "an invalid_grant whose description quotes the request carries no secret",
        arguments: [OAuthTokenEndpoint.ClientAuthentication.basic, .body])
    func echoedInvalidGrant(method: OAuthTokenEndpoint.ClientAuthentication) async throws {
        let state = try TemporaryDirectory()
        let endpoint = OAuthTokenEndpoint(
            OAuthTokenEndpoint.Configuration(clientAuthentication: method, echoesCredentials: true))
        let revoked = endpoint.issueRefreshToken()
        endpoint.revokeFamily(of: revoked)
        let fixture = try OAuth2Fixture(endpoint: endpoint, refreshToken: revoked, stateDirectory: state.path)
        defer { fixture.stop() }
        let outcome = try await fixture.call()
        #expect(outcome.errorType == .reauthRequired)
        #expect(outcome.text.contains("[REDACTED]"), "the echo was there to be redacted: \(outcome.text)")
        Self.expectClean(fixture.visibleText(of: outcome), of: endpoint)
    }

    @Test("an invalid_client that quotes the wrong secret it was sent carries no secret")
    func echoedInvalidClient() async throws {
        let endpoint = OAuthTokenEndpoint(OAuthTokenEndpoint.Configuration(echoesCredentials: true))
        let wrong = "cs-wrong/Secret+99"
        let fixture = try OAuth2Fixture(
            endpoint: endpoint, grant: .clientCredentials, clientSecret: wrong, stateDirectory: nil)
        defer { fixture.stop() }
        let outcome = try await fixture.call()
        #expect(outcome.errorType == .unauthorized)
        Self.expectClean(fixture.visibleText(of: outcome), of: endpoint, plus: [wrong])
        let pair = "switchyard-client:" + PercentEncoding.formComponent(wrong)
        #expect(!fixture.visibleText(of: outcome).contains(Data(pair.utf8).base64EncodedString()))
    }

    @Test("an API 401 that quotes the refused access tokens carries neither the old nor the new one")
    func echoedUnauthorized() async throws {
        let state = try TemporaryDirectory()
        let endpoint = OAuthTokenEndpoint(OAuthTokenEndpoint.Configuration(echoesCredentials: true))
        let fixture = try OAuth2Fixture(
            endpoint: endpoint, refreshToken: endpoint.issueRefreshToken(), stateDirectory: state.path)
        defer { fixture.stop() }
        #expect(try await fixture.call("1").isError == false)
        endpoint.setRejectsEveryAccessToken(true)
        let outcome = try await fixture.call("2")
        #expect(outcome.errorType == .unauthorized)
        #expect(endpoint.events.count == 2)
        Self.expectClean(fixture.visibleText(of: outcome), of: endpoint)
    }

    @Test("a token endpoint failure with an unknown error code quotes nothing secret")
    func echoedOtherFailure() async throws {
        let endpoint = OAuthTokenEndpoint(OAuthTokenEndpoint.Configuration(echoesCredentials: true))
        let fixture = try OAuth2Fixture(
            endpoint: endpoint, grant: .clientCredentials, stateDirectory: nil,
            intercept: { request in
                guard request.path == "/oauth/token" else { return nil }
                let quoted = JSONValue.string(
                    "could not process \(request.bodyText) with \(request.header("Authorization") ?? "")")
                return .json(500, JSONValue.object(["error": "server_error", "error_description": quoted]).encoded())
            })
        defer { fixture.stop() }
        let outcome = try await fixture.call()
        #expect(outcome.errorType == .upstreamError)
        Self.expectClean(fixture.visibleText(of: outcome), of: endpoint)
    }

    @Test("a refresh token read from the store is redacted from a recording of the token request")
    func storedTokenRedactedInRecording() async throws {
        let state = try TemporaryDirectory()
        let cassette = try TemporaryDirectory()
        let endpoint = OAuthTokenEndpoint()
        let initial = endpoint.issueRefreshToken()
        let earlier = try OAuth2Fixture(endpoint: endpoint, refreshToken: initial, stateDirectory: state.path)
        defer { earlier.stop() }
        #expect(try await earlier.call().isError == false)
        endpoint.revokeAccessTokens()

        // A later process: it knows only the environment's (stale) token until it reads the store.
        let registry = SecretRegistry()
        let path = cassette.path + "/cassette.jsonl"
        let recorder = try RecordingTransport(
            wrapping: try CurlTransport(), path: path, secrets: registry, logger: Logger(level: .error))
        let later = try OAuth2Fixture(
            endpoint: endpoint, refreshToken: initial, stateDirectory: state.path, transport: recorder,
            secrets: registry)
        defer { later.stop() }
        let outcome = try await later.call()
        #expect(!outcome.isError, "\(outcome.text)")
        #expect(endpoint.refreshEvents.count == 2)
        let recorded = try String(contentsOfFile: path, encoding: .utf8)
        #expect(recorded.contains("/oauth/token"))
        Self.expectClean(recorded, of: endpoint)
    }
}
