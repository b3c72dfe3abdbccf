import Foundation
import JSON
import Synchronization
import TestSupport

/// A Salesforce org and its login server: the refresh-token grant at `/services/oauth2/token`
/// (no `expires_in`, as Salesforce answers), SOQL queries paged by `nextRecordsUrl` and `done`,
/// sObject records, and errors as arrays of `{"message", "errorCode"}`.
final class SalesforceEmulation: Sendable {
    static let clientID = "3MVG9-connected-app-consumer-key"
    static let clientSecret = "connected-app-consumer-secret"
    static let refreshToken = "5Aep861-refresh-token"
    static let version = "v62.0"
    /// Salesforce may return fewer records than the batch size asks for; the emulation returns this many.
    static let batch = 2
    static let accountCount = 5

    private struct State {
        var issued = 0
        var valid: String?
        var tokenRequests: [String] = []
    }

    private let state = Mutex(State())

    /// The variables the shipped file needs, with the org and its login server both at `server`.
    static func environment(_ server: LoopbackServer) -> [String: String] {
        [
            "SALESFORCE_INSTANCE_URL": server.baseURL, "SALESFORCE_LOGIN_URL": server.baseURL,
            "SALESFORCE_CLIENT_ID": clientID, "SALESFORCE_CLIENT_SECRET": clientSecret,
            "SALESFORCE_REFRESH_TOKEN": refreshToken,
        ]
    }

    /// Account `number` (1-based) as a query or a record read returns it.
    static func account(_ number: Int) -> JSONValue {
        let id = "001" + String(repeating: "0", count: 12 - String(number).count) + String(number) + "AAA"
        return [
            "attributes": ["type": "Account", "url": .string("/services/data/\(version)/sobjects/Account/\(id)")],
            "Id": .string(id), "Name": .string("Account \(number)"),
        ]
    }

    /// The bodies of every token request, in order.
    var tokenRequests: [String] { state.withLock { $0.tokenRequests } }

    /// Ends the current session, as a timeout or a revoked session does; the next API call gets 401.
    func expireSession() {
        state.withLock { $0.valid = nil }
    }

    /// The emulated org and login server.
    func router() -> Router {
        var router = Router()
        router.on("POST", "/services/oauth2/token") { request, _ in self.token(request) }
        router.on("GET", "/services/data/{version}/query") { request, _ in
            self.authorized(request) {
                guard let soql = request.queryValue("q"), soql.hasPrefix("SELECT ") else {
                    let token = request.queryValue("q")?.split(separator: " ").first.map(String.init) ?? ""
                    return Self.failure(400, "MALFORMED_QUERY", "unexpected token: '\(token)'")
                }
                return Self.page(from: 0)
            }
        }
        router.on("GET", "/services/data/{version}/query/{locator}") { request, parameters in
            self.authorized(request) {
                let start = parameters["locator"]?.split(separator: "-").last.flatMap { Int($0) } ?? 0
                return Self.page(from: start)
            }
        }
        router.on("GET", "/services/data/{version}/sobjects/{type}/{id}") { request, parameters in
            self.authorized(request) {
                if parameters["id"] == "001000000000LIMIT" {
                    return Self.failure(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.")
                }
                let numbers = (1...Self.accountCount).filter { Self.account($0)["Id"]?.stringValue == parameters["id"] }
                guard parameters["type"] == "Account", let number = numbers.first else {
                    return Self.failure(404, "NOT_FOUND", "The requested resource does not exist")
                }
                return VendorEmulationKit.reply(Self.account(number))
            }
        }
        return router
    }

    private func token(_ request: ReceivedRequest) -> ServerReply {
        let form = Dictionary(
            PercentDecoding.queryItems(request.bodyText.replacingOccurrences(of: "+", with: " ")).map {
                ($0.name, $0.value)
            },
            uniquingKeysWith: { first, _ in first })
        let issued: Int? = state.withLock { state in
            state.tokenRequests.append(request.bodyText)
            guard form["grant_type"] == "refresh_token", form["refresh_token"] == Self.refreshToken,
                form["client_id"] == Self.clientID, form["client_secret"] == Self.clientSecret
            else { return nil }
            state.issued += 1
            state.valid = "00D000000000001!access-\(state.issued)"
            return state.issued
        }
        guard let issued else {
            return VendorEmulationKit.reply(
                ["error": "invalid_grant", "error_description": "expired access/refresh token"], status: 400)
        }
        let origin = VendorEmulationKit.origin(of: request)
        return VendorEmulationKit.reply([
            "access_token": .string("00D000000000001!access-\(issued)"), "signature": "c2lnbmF0dXJl",
            "scope": "api refresh_token", "instance_url": .string(origin),
            "id": .string("\(origin)/id/00D000000000001EAA/005000000000001AAA"), "token_type": "Bearer",
            "issued_at": "1795000000000",
        ])
    }

    private func authorized(_ request: ReceivedRequest, _ serve: () -> ServerReply) -> ServerReply {
        let valid = state.withLock { $0.valid }
        guard let valid, request.header("Authorization") == "Bearer \(valid)" else {
            return Self.failure(401, "INVALID_SESSION_ID", "Session expired or invalid")
        }
        return serve()
    }

    private static func page(from start: Int) -> ServerReply {
        let numbers = Array((1...accountCount).dropFirst(start).prefix(batch))
        let end = start + numbers.count
        var object: JSONObject = [
            "totalSize": .int(Int64(accountCount)), "done": .bool(end >= accountCount),
            "records": .array(numbers.map(account)),
        ]
        if end < accountCount {
            object["nextRecordsUrl"] = .string("/services/data/\(version)/query/01gRO0000016PIAYA2-\(end)")
        }
        return VendorEmulationKit.reply(.object(object))
    }

    private static func failure(_ status: Int, _ code: String, _ message: String) -> ServerReply {
        VendorEmulationKit.reply([["message": .string(message), "errorCode": .string(code)]], status: status)
    }
}
