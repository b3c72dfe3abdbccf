import Catalog
import Engine
import Foundation
import JSON
import Synchronization
import SystemIO
import TestSupport
import Testing

/// An engine whose one integration authenticates with OAuth 2.0 against an ``OAuthTokenEndpoint``:
/// the integration file is real JSON text (credentials from the environment), the provider is the
/// real ``OAuth2Provider`` over the real ``CurlTransport``, and the token store is a real directory.
/// Several fixtures over one endpoint behave like several processes sharing one grant.
final class OAuth2Fixture: Sendable {
    /// The emulated vendor (token endpoint and API).
    let endpoint: OAuthTokenEndpoint
    /// Engine, catalogue and loopback server.
    let harness: EngineHarness
    /// The state directory, when the provider persists tokens.
    let stateDirectory: String?
    /// The redaction registry the provider feeds (what recordings and transcripts are scrubbed with).
    let secrets: SecretRegistry
    /// Every line the engine logged, at debug level.
    let logLines = LogLines()

    /// Log lines collected from any thread.
    final class LogLines: Sendable {
        private let lines = Mutex<[String]>([])
        /// Adds a line.
        func append(_ line: String) { lines.withLock { $0.append(line) } }
        /// Every line so far, joined by newlines.
        var text: String { lines.withLock { $0.joined(separator: "\n") } }
    }

    /// The one tool: `GET /api/things/{id}`.
    static let operations = #"""
        "get": {"request": "GET /api/things/{id}", "description": "Fetch one thing of the vendor by id.",
                "parameters": {"id": {"in": "path", "type": "string", "description": "Id."}}}
        """#

    /// A fixture for `grant`; the client secret and client authentication default to what the
    /// endpoint expects, `refreshToken` is the environment's value. `intercept` may answer a request
    /// before the endpoint does (a token endpoint that fails in other ways).
    init(
        endpoint: OAuthTokenEndpoint, grant: OAuth2Config.Grant = .refreshToken, refreshToken: String? = nil,
        clientSecret: String? = nil, clientAuthentication: OAuthTokenEndpoint.ClientAuthentication? = nil,
        scope: String? = nil, stateDirectory: String?, transport: (any HTTPTransport)? = nil,
        secrets: SecretRegistry = SecretRegistry(), clock: any EngineClock = SystemClock(),
        intercept: (@Sendable (ReceivedRequest) -> ServerReply?)? = nil
    ) throws {
        self.endpoint = endpoint
        self.stateDirectory = stateDirectory
        self.secrets = secrets
        let lines = logLines
        let logger = Logger(level: .debug) { line in lines.append(line) }
        let transport = try transport ?? CurlTransport()
        var environment = ["VENDOR_CLIENT_SECRET": clientSecret ?? endpoint.configuration.clientSecret]
        if let refreshToken { environment["VENDOR_REFRESH_TOKEN"] = refreshToken }
        let method = (clientAuthentication ?? endpoint.configuration.clientAuthentication).rawValue
        let clientID = endpoint.configuration.clientID
        harness = try EngineHarness(
            router: Router(fallback: { intercept?($0) ?? endpoint.reply(to: $0) }),
            options: EngineOptions(logger: logger),
            environment: environment, transport: transport, clock: clock,
            makeAuth: { integration in
                guard case .oauth2(let config) = integration.auth else {
                    return StaticAuthProvider(config: integration.auth)
                }
                return OAuth2Provider(
                    config: config, integration: integration.name, stateDirectory: stateDirectory,
                    transport: transport, clock: clock, secrets: secrets, logger: logger)
            }
        ) { base in
            var auth = [
                #""type": "oauth2""#, #""grant": "\#(grant.rawValue)""#, #""token_url": "\#(base)/oauth/token""#,
                #""client_id": "\#(clientID)""#, #""client_secret": "${VENDOR_CLIENT_SECRET}""#,
                #""client_auth": "\#(method)""#,
            ]
            if grant == .refreshToken { auth.append(#""refresh_token": "${VENDOR_REFRESH_TOKEN}""#) }
            if let scope { auth.append(#""scope": "\#(scope)""#) }
            return IntegrationFile.text(
                baseURL: base, settings: #""auth": {\#(auth.joined(separator: ", "))}"#, operations: Self.operations)
        }
    }

    /// Calls `vendor_things_get` for `id`.
    func call(_ id: String = "1") async throws -> ToolOutcome {
        try await harness.call("get", ["id": .string(id)])
    }

    /// The provider the engine created for the integration.
    var provider: OAuth2Provider {
        get throws {
            try #require(harness.engine.runtime(for: try harness.integration).auth as? OAuth2Provider)
        }
    }

    /// The token store the provider uses (same directory, integration and client id).
    var store: TokenStore? {
        stateDirectory.map {
            TokenStore(directory: $0, integration: IntegrationFile.name, clientID: endpoint.configuration.clientID)
        }
    }

    /// Everything the model, a log or an error could show: text, structured content, log lines.
    func visibleText(of outcome: ToolOutcome) -> String {
        outcome.text + (outcome.structured?.encoded() ?? "") + logLines.text
    }

    /// The requests the API received with each one's bearer token, in order.
    var apiTokens: [String?] {
        harness.server.requests.filter { $0.path.hasPrefix("/api") }.map { request in
            request.header("Authorization").map { String($0.dropFirst("Bearer ".count)) }
        }
    }

    /// Stops the loopback server.
    func stop() { harness.stop() }
}

/// The emulation itself behaves like a strict vendor; the tests below rely on it.
@Suite struct OAuth2FixtureTests {
    private static func post(_ server: LoopbackServer, _ form: String, basic: (String, String)? = nil) async throws
        -> (status: Int, body: JSONValue)
    {
        var headers: HTTPHeaders = ["Content-Type": "application/x-www-form-urlencoded"]
        if let basic {
            let pair = PercentEncoding.formComponent(basic.0) + ":" + PercentEncoding.formComponent(basic.1)
            headers.set(name: "Authorization", value: "Basic " + Data(pair.utf8).base64EncodedString())
        }
        let response = try await CurlTransport().send(
            HTTPRequest(
                method: "POST", url: server.url("/oauth/token"), headers: headers, body: Data(form.utf8),
                timeout: .seconds(20)))
        return (response.status, try JSONParser.parse(response.body))
    }

    @Test("a rotated refresh token is single-use: reuse is invalid_grant and revokes the family")
    func rotationAndReuse() async throws {
        let endpoint = OAuthTokenEndpoint()
        let server = try LoopbackServer(handler: endpoint.reply(to:))
        defer { server.stop() }
        let client = (endpoint.configuration.clientID, endpoint.configuration.clientSecret)
        let first = endpoint.issueRefreshToken()
        let form = "grant_type=refresh_token&refresh_token=" + PercentEncoding.formComponent(first)
        let exchanged = try await Self.post(server, form, basic: client)
        #expect(exchanged.status == 200)
        let second = try #require(exchanged.body["refresh_token"]?.stringValue)
        #expect(second != first)
        #expect(exchanged.body["expires_in"] == 3600)
        let reused = try await Self.post(server, form, basic: client)
        #expect(reused.status == 400)
        #expect(reused.body["error"] == "invalid_grant")
        #expect(!endpoint.isActive(second), "reuse of a rotated token revokes the family")
    }

    @Test("client authentication is checked the one configured way; failures are 401 invalid_client")
    func clientAuthentication() async throws {
        let endpoint = OAuthTokenEndpoint()
        let server = try LoopbackServer(handler: endpoint.reply(to:))
        defer { server.stop() }
        let good = try await Self.post(
            server, "grant_type=client_credentials",
            basic: (endpoint.configuration.clientID, endpoint.configuration.clientSecret))
        #expect(good.status == 200)
        #expect(good.body["refresh_token"] == nil)
        let wrong = try await Self.post(
            server, "grant_type=client_credentials", basic: (endpoint.configuration.clientID, "nope"))
        #expect(wrong.status == 401)
        #expect(wrong.body["error"] == "invalid_client")
        let inBody = try await Self.post(
            server,
            "grant_type=client_credentials&client_id=switchyard-client&client_secret="
                + PercentEncoding.formComponent(endpoint.configuration.clientSecret))
        #expect(inBody.status == 401, "this vendor accepts HTTP Basic only")
    }

    @Test("the API accepts only a currently valid access token (not forged, revoked or expired) and counts the 401s")
    func protectedAPI() async throws {
        let clock = ManualClock()
        let endpoint = OAuthTokenEndpoint(
            OAuthTokenEndpoint.Configuration(clientAuthentication: .body, accessTokenLifetime: 2), now: clock.now)
        let server = try LoopbackServer(handler: endpoint.reply(to:))
        defer { server.stop() }
        let issued = try await Self.post(
            server,
            "grant_type=client_credentials&client_id=switchyard-client&client_secret="
                + PercentEncoding.formComponent(endpoint.configuration.clientSecret))
        let token = try #require(issued.body["access_token"]?.stringValue)
        let transport = try CurlTransport()
        func get(_ bearer: String) async throws -> Int {
            try await transport.send(
                HTTPRequest(
                    method: "GET", url: server.url("/api/things/1"), headers: ["Authorization": "Bearer \(bearer)"],
                    timeout: .seconds(20))
            ).status
        }
        #expect(try await get(token) == 200)
        #expect(try await get("forged") == 401)
        clock.advance(by: .milliseconds(1999))
        #expect(try await get(token) == 200)
        clock.advance(by: .milliseconds(1))
        #expect(try await get(token) == 401, "expired")
        endpoint.revokeAccessTokens()
        #expect(try await get(token) == 401)
        #expect(endpoint.unauthorizedAPICalls == 3)
        #expect(endpoint.authorizedAPICalls == 2)
    }
}
