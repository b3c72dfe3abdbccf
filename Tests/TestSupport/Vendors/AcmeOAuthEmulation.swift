import Foundation
import JSON

/// A loopback emulation of a small CRM behind OAuth 2.0 with refresh-token rotation: the token
/// endpoint takes the current refresh token once and hands out a new access token and a new
/// refresh token (the old one is then `invalid_grant`); the API refuses an access token with 401
/// once it has been used `accessTokenUses` times, as a vendor does when it revokes or expires a
/// token early, which forces a refresh and a replay of the request.
package final class AcmeOAuthEmulation: Sendable {
    /// The `client_id` of the recording (not a secret).
    package static let clientID = "switchyard-recording"

    private struct State {
        /// The index of the refresh token that works now.
        var refreshIndex = 0
        /// The index of the access token that works now (-1: none issued yet).
        var accessIndex = -1
        /// How many API requests the current access token served.
        var uses = 0
    }

    private let server: LoopbackServer
    private let state = SharedValue(State())

    /// Starts the emulation; each access token works for `accessTokenUses` API requests.
    package init(accessTokenUses: Int = 1) throws {
        let state = self.state
        var router = Router()
        router.on("POST", "/oauth/token") { request, _ in
            Self.token(request, state: state)
        }
        router.on("GET", "/v1/contacts/{id}") { request, parameters in
            if let refusal = Self.authorize(request, state: state, uses: accessTokenUses) { return refusal }
            guard let contact = Self.contacts.first(where: { $0["id"]?.stringValue == parameters["id"] }) else {
                return .json(404, #"{"error":"not_found","message":"No contact with id \#(parameters["id"] ?? "")"}"#)
            }
            return .json(contact.encoded())
        }
        router.on("GET", "/v1/contacts") { request, _ in
            if let refusal = Self.authorize(request, state: state, uses: accessTokenUses) { return refusal }
            return .json(JSONValue.object(["data": .array(Self.contacts), "has_more": false]).encoded())
        }
        server = try LoopbackServer(router: router)
    }

    /// `http://127.0.0.1:PORT`, to set as `ACME_URL`.
    package var baseURL: String { server.baseURL }

    /// Every request received so far.
    package var requests: [ReceivedRequest] { server.requests }

    /// How many refreshes the token endpoint granted.
    package var refreshesGranted: Int { state.withLock { $0.refreshIndex } }

    /// Stops the server.
    package func stop() { server.stop() }

    private static func token(_ request: ReceivedRequest, state: SharedValue<State>) -> ServerReply {
        let form = PercentDecoding.queryItems(request.bodyText.replacingOccurrences(of: "+", with: " "))
        func field(_ name: String) -> String? { form.first { $0.name == name }?.value }
        guard field("client_id") == clientID, field("client_secret") == RecordingSecrets.acmeClientSecret else {
            return .json(401, #"{"error":"invalid_client","error_description":"Client authentication failed"}"#)
        }
        guard field("grant_type") == "refresh_token" else {
            return .json(400, #"{"error":"unsupported_grant_type"}"#)
        }
        let granted = state.withLock { state -> (access: String, refresh: String)? in
            let tokens = RecordingSecrets.acmeRefreshTokens
            guard state.refreshIndex + 1 < tokens.count, field("refresh_token") == tokens[state.refreshIndex],
                state.accessIndex + 1 < RecordingSecrets.acmeAccessTokens.count
            else { return nil }
            state.refreshIndex += 1
            state.accessIndex += 1
            state.uses = 0
            return (RecordingSecrets.acmeAccessTokens[state.accessIndex], tokens[state.refreshIndex])
        }
        guard let granted else {
            return .json(
                400,
                #"{"error":"invalid_grant","error_description":"The refresh token is invalid or was already used"}"#)
        }
        let body: JSONValue = [
            "access_token": .string(granted.access), "token_type": "Bearer", "expires_in": 3600,
            "refresh_token": .string(granted.refresh), "scope": "contacts.read",
        ]
        return .json(body.encoded(), headers: [("Cache-Control", "no-store")])
    }

    private static func authorize(_ request: ReceivedRequest, state: SharedValue<State>, uses: Int) -> ServerReply? {
        let accepted = state.withLock { state -> Bool in
            guard state.accessIndex >= 0,
                request.header("Authorization") == "Bearer " + RecordingSecrets.acmeAccessTokens[state.accessIndex],
                state.uses < uses
            else { return false }
            state.uses += 1
            return true
        }
        guard !accepted else { return nil }
        return .json(
            401, #"{"error":"invalid_token","error_description":"The access token expired or was revoked"}"#,
            headers: [("WWW-Authenticate", #"Bearer error="invalid_token""#)])
    }

    /// The CRM's contacts.
    static let contacts: [JSONValue] = [
        [
            "id": "c_1001", "name": "Ada Lovelace", "email": "ada@example.com", "company": "Analytical Engines Ltd",
            "stage": "customer", "owner": ["id": "u_7", "name": "Grace Hopper"], "created_at": "2024-11-02T10:00:00Z",
        ],
        [
            "id": "c_1002", "name": "Alan Turing", "email": "alan@example.com", "company": "Bletchley Analytics",
            "stage": "lead", "owner": ["id": "u_7", "name": "Grace Hopper"], "created_at": "2025-01-15T14:30:00Z",
        ],
        [
            "id": "c_1003", "name": "Katherine Johnson", "email": "katherine@example.com", "company": "Orbital Co",
            "stage": "prospect", "owner": ["id": "u_9", "name": "Dorothy Vaughan"],
            "created_at": "2025-03-08T09:45:00Z",
        ],
    ]

    /// The integration file the OAuth session is recorded and replayed with.
    package static let integrationFile = """
        {
          "name": "acme",
          "title": "Acme CRM",
          "description": "Contacts of a small CRM behind OAuth 2.0 with rotating refresh tokens (a recorded-session fixture).",
          "base_url": "${ACME_URL}/v1",
          "auth": {
            "type": "oauth2",
            "grant": "refresh_token",
            "token_url": "${ACME_URL}/oauth/token",
            "client_id": "switchyard-recording",
            "client_secret": "${ACME_CLIENT_SECRET}",
            "refresh_token": "${ACME_REFRESH_TOKEN}",
            "client_auth": "body"
          },
          "resources": {
            "contacts": {
              "description": "People and companies the sales team works with.",
              "operations": {
                "get": {
                  "request": "GET /contacts/{id}",
                  "description": "Get one contact by id with company, stage and owner.",
                  "parameters": {"id": {"in": "path", "type": "string", "description": "Contact id, e.g. c_1001."}}
                },
                "list": {
                  "request": "GET /contacts",
                  "description": "List contacts, oldest first.",
                  "pagination": {"style": "none", "records": "/data"}
                }
              }
            }
          }
        }

        """
}
