import Foundation
import JSON
import Synchronization
import TestSupport

/// An in-process Microsoft identity platform token endpoint and Microsoft Graph v1.0 with Graph's
/// real shapes: client-credentials tokens at `/{tenant}/oauth2/v2.0/token`, collections as
/// `{"value": [...], "@odata.nextLink": "<absolute URL>", "@odata.count"}` with server-side
/// paging (at most ``pageCap`` items a page, `$top` 1…999 for directory objects), `$count` and
/// `$search` only with `ConsistencyLevel: eventual`, errors as `{"error": {"code", "message"}}`,
/// and throttling as 429 with `Retry-After`.
final class MicrosoftGraphEmulation: Sendable {
    static let tenant = "8f1d5c2e-0000-4000-8000-00000000a001"
    static let clientID = "3c1a9d7e-0000-4000-8000-00000000c11d"
    static let clientSecret = "emulated~client~secret"
    static let accessToken = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.emulated.graph-token"
    /// The most items one emulated page holds (Graph pages on the server side too).
    static let pageCap = 3
    /// The tenant's users, in directory order.
    static let users: [JSONValue] = (1...7).map { number in
        [
            "id": .string("user-\(number)"), "displayName": .string("User \(number)"),
            "userPrincipalName": .string("user\(number)@contoso.example"), "jobTitle": "Engineer",
        ]
    }
    /// The mailbox of user 1.
    static let messages: [JSONValue] = (1...2).map { number in
        [
            "id": .string("AAMk-\(number)"), "subject": .string("Invoice \(number)"), "bodyPreview": "Please find…",
            "@odata.etag": "W/\"CQAAABYAAA\"", "changeKey": "CQAAABYAAA",
            "body": ["contentType": "html", "content": "<html><body><p>Please find attached</p></body></html>"],
        ]
    }

    /// What the emulation counts and switches while serving.
    private final class State: Sendable {
        let tokensIssued = Mutex(0)
        let throttleNextMessagesList: Mutex<Bool>

        init(throttle: Bool) {
            throttleNextMessagesList = Mutex(throttle)
        }
    }

    /// The server; stop it when the test ends.
    let server: LoopbackServer
    private let state: State

    /// Starts the emulation; with `throttleFirstMessagesList` the first messages list gets 429 and `Retry-After: 1`.
    init(throttleFirstMessagesList: Bool = false) throws {
        let state = State(throttle: throttleFirstMessagesList)
        self.state = state
        var router = Router(fallback: { _ in Self.failure(400, "BadRequest", "Resource not found for the segment.") })
        router.on("POST", "/{tenant}/oauth2/v2.0/token") { request, parameters in
            Self.token(request, tenant: parameters["tenant"], state: state)
        }
        router.on("GET", "/v1.0/users") { request, _ in
            if let refusal = Self.checkToken(request) { return refusal }
            let advanced = request.queryValue("$count") != nil || request.queryValue("$search") != nil
            if advanced, request.header("ConsistencyLevel") != "eventual" {
                return Self.failure(
                    400, "Request_BadRequest", "$count and $search require the ConsistencyLevel header.")
            }
            return Self.page(of: Self.users, request: request, path: "/v1.0/users", maxTop: 999)
        }
        router.on("GET", "/v1.0/users/{user}") { request, parameters in
            if let refusal = Self.checkToken(request) { return refusal }
            let key = parameters["user"] ?? ""
            guard
                let user = Self.users.first(where: {
                    $0["id"]?.stringValue == key || $0["userPrincipalName"]?.stringValue == key
                })
            else {
                return Self.failure(
                    404, "Request_ResourceNotFound",
                    "Resource '\(key)' does not exist or one of its queried reference-property objects are not present."
                )
            }
            return .json(user.encoded())
        }
        router.on("GET", "/v1.0/users/{user}/messages") { request, parameters in
            if let refusal = Self.checkToken(request) { return refusal }
            let limited = state.throttleNextMessagesList.withLock { flag in
                defer { flag = false }
                return flag
            }
            if limited {
                return Self.failure(
                    429, "ApplicationThrottled", "Application is over its MailboxConcurrency limit.",
                    headers: [("Retry-After", "1")])
            }
            let path = "/v1.0/users/\(parameters.raw["user"] ?? "")/messages"
            return Self.page(of: Self.messages, request: request, path: path, maxTop: 1000)
        }
        router.on("GET", "/v1.0/users/{user}/messages/{id}") { request, parameters in
            if let refusal = Self.checkToken(request) { return refusal }
            guard case .object(var message)? = Self.messages.first(where: { $0["id"]?.stringValue == parameters["id"] })
            else { return Self.failure(404, "ErrorItemNotFound", "The specified object was not found in the store.") }
            if request.header("Prefer") == #"outlook.body-content-type="text""# {
                message["body"] = ["contentType": "text", "content": "Please find attached"]
            }
            message["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#users('user-1')/messages/$entity"
            return .json(JSONValue.object(message).encoded())
        }
        server = try LoopbackServer(router: router)
    }

    /// How many access tokens the token endpoint has issued.
    var tokenRequests: Int { state.tokensIssued.withLock { $0 } }

    /// The variables that point `Integrations/msgraph.json` (API and login host) at this emulation.
    var environment: [String: String] {
        [
            "MSGRAPH_API_URL": server.url("/v1.0"), "MSGRAPH_LOGIN_URL": server.baseURL,
            "MSGRAPH_TENANT_ID": Self.tenant,
            "MSGRAPH_CLIENT_ID": Self.clientID, "MSGRAPH_CLIENT_SECRET": Self.clientSecret,
        ]
    }

    /// The emulation's opaque `$skiptoken` for the page starting at `offset`.
    static func skipToken(_ offset: Int) -> String { "RFNwdAIAAQAAAB4\(offset)" }

    private static func token(_ request: ReceivedRequest, tenant: String?, state: State) -> ServerReply {
        let form = Dictionary(PercentDecoding.queryItems(request.bodyText).map { ($0.name, $0.value) }) { first, _ in
            first
        }
        guard tenant == Self.tenant else {
            return .json(400, #"{"error":"invalid_request","error_description":"AADSTS90002: Tenant not found."}"#)
        }
        guard form["grant_type"] == "client_credentials", form["scope"] == "https://graph.microsoft.com/.default" else {
            return .json(
                400, #"{"error":"invalid_request","error_description":"AADSTS900144: grant_type or scope is wrong."}"#)
        }
        guard form["client_id"] == clientID, form["client_secret"] == clientSecret else {
            return .json(
                401, #"{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided."}"#
            )
        }
        state.tokensIssued.withLock { $0 += 1 }
        let body: JSONValue = [
            "token_type": "Bearer", "expires_in": 3599, "ext_expires_in": 3599, "access_token": .string(accessToken),
        ]
        return .json(body.encoded())
    }

    private static func checkToken(_ request: ReceivedRequest) -> ServerReply? {
        guard request.header("Authorization") == "Bearer \(accessToken)" else {
            return failure(401, "InvalidAuthenticationToken", "Access token is empty.")
        }
        return nil
    }

    private static func failure(
        _ status: Int, _ code: String, _ message: String, headers: [(String, String)] = []
    ) -> ServerReply {
        let body: JSONValue = [
            "error": [
                "code": .string(code), "message": .string(message),
                "innerError": ["date": "2026-05-04T10:00:00", "request-id": "9b2f0000-0000-4000-8000-000000000000"],
            ]
        ]
        return .json(status, body.encoded(), headers: headers)
    }

    /// One page of a collection; the next link repeats the request's query with a new `$skiptoken`, as Graph's does.
    private static func page(of records: [JSONValue], request: ReceivedRequest, path: String, maxTop: Int)
        -> ServerReply
    {
        let top = Int(request.queryValue("$top") ?? "100") ?? 0
        guard (1...maxTop).contains(top) else {
            return failure(
                400, "Request_BadRequest",
                "Invalid page size specified: '\(top)'. Must be between 1 and \(maxTop) inclusive.")
        }
        var start = 0
        if let token = request.queryValue("$skiptoken") {
            guard let offset = (0...records.count).first(where: { skipToken($0) == token }) else {
                return failure(400, "Request_BadRequest", "Invalid skip token.")
            }
            start = offset
        }
        let end = min(records.count, start + min(top, pageCap))
        var body: JSONObject = ["@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users"]
        if request.queryValue("$count") == "true" { body["@odata.count"] = .int(Int64(records.count)) }
        if end < records.count {
            let kept = (request.query ?? "").split(separator: "&").filter {
                !$0.hasPrefix("$skiptoken=") && !$0.hasPrefix("%24skiptoken=")
            }
            let query = (kept + ["$skiptoken=\(skipToken(end))"]).joined(separator: "&")
            body["@odata.nextLink"] = .string("http://\(request.header("Host") ?? "")\(path)?\(query)")
        }
        body["value"] = .array(Array(records[start..<end]))
        return .json(JSONValue.object(body).encoded())
    }
}
