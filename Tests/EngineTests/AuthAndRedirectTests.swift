import Engine
import Foundation
import JSON
import TestSupport
import Testing

/// Credentials are injected by the engine, only toward the integration's own origin
/// (DESIGN.md §5 *Auth*, §8).
@Suite struct AuthAndRedirectTests {
    static let getOperation = #"""
        "get": {"request": "GET /v1/things/{id}", "description": "Fetch one thing of the vendor by id.",
                "parameters": {"id": {"in": "path", "type": "string", "description": "Id."}}},
        "create": {"request": "POST /v1/things", "description": "Create one thing at the vendor.",
                   "parameters": {"name": {"in": "body", "type": "string", "description": "Name."}}}
        """#

    /// A vendor echoing `{}` behind `auth`, with `VENDOR_SECRET` set to `secret`.
    static func harness(auth: String, secret: String, router: Router? = nil) throws -> EngineHarness {
        try EngineHarness(
            router: router ?? Router(fallback: { _ in .json("{}") }), settings: #""auth": \#(auth)"#,
            environment: ["VENDOR_SECRET": secret, "VENDOR_USER": "ada"], operations: getOperation)
    }

    @Test("bearer auth sends Authorization: Bearer")
    func bearer() async throws {
        let harness = try Self.harness(auth: #"{"type": "bearer", "token": "${VENDOR_SECRET}"}"#, secret: "tok-123456")
        defer { harness.stop() }
        let outcome = try await harness.call("get", ["id": "1"])
        #expect(!outcome.isError)
        #expect(harness.server.requests.first?.headerValues("Authorization") == ["Bearer tok-123456"])
    }

    @Test("api_key in a header sends the named header")
    func apiKeyHeader() async throws {
        let harness = try Self.harness(
            auth: #"{"type": "api_key", "in": "header", "name": "X-API-Key", "value": "${VENDOR_SECRET}"}"#,
            secret: "key-abcdef")
        defer { harness.stop() }
        _ = try await harness.call("get", ["id": "1"])
        let request = try #require(harness.server.requests.first)
        #expect(request.header("X-API-Key") == "key-abcdef")
        #expect(request.header("Authorization") == nil)
    }

    @Test("api_key in the query is added, encoded, to every request")
    func apiKeyQuery() async throws {
        let harness = try Self.harness(
            auth: #"{"type": "api_key", "in": "query", "name": "api_key", "value": "${VENDOR_SECRET}"}"#,
            secret: "k&y=1/2+3")
        defer { harness.stop() }
        _ = try await harness.call("get", ["id": "1"])
        let request = try #require(harness.server.requests.first)
        #expect(request.queryValue("api_key") == "k&y=1/2+3")
        #expect(request.queryItems.count == 1)
    }

    @Test("basic auth sends base64(username:password)")
    func basic() async throws {
        let harness = try Self.harness(
            auth: #"{"type": "basic", "username": "${VENDOR_USER}", "password": "${VENDOR_SECRET}"}"#,
            secret: "pa:ss wörd")
        defer { harness.stop() }
        _ = try await harness.call("get", ["id": "1"])
        let expected = "Basic " + Data("ada:pa:ss wörd".utf8).base64EncodedString()
        #expect(harness.server.requests.first?.header("Authorization") == expected)
    }

    @Test("a redirect to another origin is not followed: upstream_error naming it, the other server gets nothing")
    func crossOriginRedirect() async throws {
        let elsewhere = try LoopbackServer(router: Router(fallback: { _ in .json("{}") }))
        defer { elsewhere.stop() }
        var router = Router()
        router.on("GET", "/v1/things/{id}", reply: .redirect(302, elsewhere.url("/collect?from=vendor")))
        let harness = try Self.harness(
            auth: #"{"type": "bearer", "token": "${VENDOR_SECRET}"}"#, secret: "tok-123456", router: router)
        defer { harness.stop() }
        let outcome = try await harness.call("get", ["id": "1"])
        #expect(outcome.errorType == .upstreamError)
        #expect(outcome.error?.message.contains("127.0.0.1:\(elsewhere.port)") == true, "\(outcome.text)")
        #expect(outcome.status == 302)
        #expect(harness.server.requests.count == 1)
        #expect(elsewhere.requests.isEmpty)
        #expect(!outcome.text.contains("tok-123456"))
    }

    @Test("localhost is another origin than 127.0.0.1 for redirects")
    func hostSpellingIsAnotherOrigin() async throws {
        var router = Router()
        router.on("GET", "/v1/things/{id}") { request, _ in
            .redirect(301, "http://localhost:\(request.header("Host")?.split(separator: ":").last ?? "")/v1/other")
        }
        let harness = try Self.harness(
            auth: #"{"type": "bearer", "token": "${VENDOR_SECRET}"}"#, secret: "tok-123456", router: router)
        defer { harness.stop() }
        let outcome = try await harness.call("get", ["id": "1"])
        #expect(outcome.errorType == .upstreamError)
        #expect(outcome.error?.message.contains("localhost") == true)
        #expect(harness.server.requests.count == 1)
    }

    @Test("a same-origin redirect is followed, with credentials")
    func sameOriginRedirect() async throws {
        var router = Router()
        router.on("GET", "/v1/things/{id}", reply: .redirect(301, "/v2/things/1?moved=yes"))
        router.on("GET", "/v2/things/{id}", reply: .json(#"{"id":"1","moved":true}"#))
        let harness = try Self.harness(
            auth: #"{"type": "bearer", "token": "${VENDOR_SECRET}"}"#, secret: "tok-123456", router: router)
        defer { harness.stop() }
        let outcome = try await harness.call("get", ["id": "1"])
        #expect(outcome.structured == ["id": "1", "moved": true])
        let requests = harness.server.requests
        #expect(requests.map(\.target) == ["/v1/things/1", "/v2/things/1?moved=yes"])
        #expect(requests.allSatisfy { $0.header("Authorization") == "Bearer tok-123456" })
    }

    @Test("a 307 keeps the method and body; a 303 turns a POST into a bodiless GET")
    func redirectMethods() async throws {
        var router = Router()
        router.on("POST", "/v1/things", reply: .redirect(307, "/v1/things-new"))
        router.on("POST", "/v1/things-new", reply: .redirect(303, "/v1/things/7"))
        router.on("GET", "/v1/things/{id}", reply: .json(#"{"id":"7"}"#))
        let harness = try Self.harness(
            auth: #"{"type": "bearer", "token": "${VENDOR_SECRET}"}"#, secret: "tok-123456", router: router)
        defer { harness.stop() }
        let outcome = try await harness.call("create", ["name": "seven"])
        #expect(outcome.structured == ["id": "7"])
        let requests = harness.server.requests
        #expect(requests.map(\.method) == ["POST", "POST", "GET"])
        #expect(requests[1].bodyText == #"{"name":"seven"}"#)
        #expect(requests[2].body.isEmpty)
        #expect(requests[2].header("Content-Type") == nil)
    }

    @Test("a redirect loop stops with upstream_error")
    func redirectLoop() async throws {
        var router = Router()
        router.on("GET", "/v1/things/{id}") { _, parameters in
            .redirect(302, "/v1/things/\((Int(parameters["id"] ?? "") ?? 0) + 1)")
        }
        let harness = try Self.harness(
            auth: #"{"type": "bearer", "token": "${VENDOR_SECRET}"}"#, secret: "tok-123456", router: router)
        defer { harness.stop() }
        let outcome = try await harness.call("get", ["id": "1"])
        #expect(outcome.errorType == .upstreamError)
        #expect(outcome.error?.message.contains("redirect") == true)
        #expect(harness.server.requests.count == 6)
    }
}
