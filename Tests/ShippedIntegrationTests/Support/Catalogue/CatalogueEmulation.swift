import Foundation
import TestSupport

/// One loopback vendor for one catalogue case: token requests get an access token, every other
/// request is answered by the case's responder; the shipped file is loaded against it.
struct CatalogueEmulation {
    let server: LoopbackServer
    let integration: ShippedIntegration

    /// Starts the server and loads `vendor`'s shipped file with `overrides` on top of its variables.
    init(
        _ vendor: CatalogueVendor, overrides: [String: String] = [:],
        respond: @escaping @Sendable (ReceivedRequest) -> ServerReply
    ) throws {
        let server = try LoopbackServer { request in
            guard !CatalogueVendor.isTokenRequest(request) else {
                return .json(#"{"access_token":"catalogue-access","token_type":"Bearer","expires_in":3600}"#)
            }
            return respond(request)
        }
        let environment = vendor.environment(server.baseURL).merging(overrides) { $1 }
        do {
            if vendor.usesOAuth {
                integration = try ShippedIntegration(
                    file: vendor.file, environment: environment,
                    oauthStateDirectory: try ShippedIntegration.temporaryStateDirectory())
            } else {
                integration = try ShippedIntegration(file: vendor.file, environment: environment)
            }
        } catch {
            server.stop()
            throw error
        }
        self.server = server
    }

    /// The requests that reached the API, token requests left out.
    var apiRequests: [ReceivedRequest] { server.requests.filter { !CatalogueVendor.isTokenRequest($0) } }
}
