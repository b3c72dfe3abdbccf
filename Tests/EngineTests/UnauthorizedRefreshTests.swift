import Engine
import JSON
import TestSupport
import Testing

/// A 401 triggers one credential refresh and one replay (DESIGN.md §5 *Auth*).
@Suite struct UnauthorizedRefreshTests {
    /// A vendor that accepts only `Bearer token-<accepted>`.
    static func harness(accepting accepted: Int, provider: RotatingAuthProvider) throws -> EngineHarness {
        let router = Router(fallback: { request in
            request.header("Authorization") == "Bearer token-\(accepted)"
                ? .json(#"{"ok":true,"things":[]}"#)
                : .json(401, #"{"message":"bad token \#(request.header("Authorization") ?? "")"}"#)
        })
        return try EngineHarness(
            router: router, makeAuth: { _ in provider },
            operations: #"""
                "get": {"request": "GET /v1/things/{id}", "description": "Fetch one thing of the vendor by id.",
                        "parameters": {"id": {"in": "path", "type": "string", "description": "Id."}}},
                "list": {"request": "GET /v1/things", "description": "List the things of the vendor in order.",
                         "pagination": {"style": "none", "records": "/things"}}
                """#)
    }

    @Test("a 401 refreshes once and replays the request with the new credentials")
    func refreshAndReplay() async throws {
        let provider = RotatingAuthProvider()
        let harness = try Self.harness(accepting: 2, provider: provider)
        defer { harness.stop() }
        let outcome = try await harness.call("get", ["id": "1"])
        #expect(outcome.structured == ["ok": true, "things": []])
        #expect(provider.refreshCount == 1)
        #expect(harness.server.requests.map { $0.header("Authorization") } == ["Bearer token-1", "Bearer token-2"])
    }

    @Test(
        "a 401 after the refresh is unauthorized, without a second refresh, and the new token is redacted",
        arguments: ["get", "list"])
    func stillUnauthorized(tool: String) async throws {
        let provider = RotatingAuthProvider()
        let harness = try Self.harness(accepting: 99, provider: provider)
        defer { harness.stop() }
        let outcome = try await harness.call(tool, tool == "get" ? ["id": "1"] : [:])
        #expect(outcome.errorType == .unauthorized)
        #expect(outcome.status == 401)
        #expect(provider.refreshCount == 1)
        #expect(harness.server.requests.count == 2)
        let everything = outcome.text + (outcome.structured?.encoded() ?? "")
        #expect(!everything.contains("token-2"), "\(everything)")
        #expect(everything.contains("[REDACTED]"))
    }

    @Test("a provider that cannot refresh gets unauthorized after one request")
    func noRefresh() async throws {
        let provider = RotatingAuthProvider(refreshes: false)
        let harness = try Self.harness(accepting: 2, provider: provider)
        defer { harness.stop() }
        let outcome = try await harness.call("get", ["id": "1"])
        #expect(outcome.errorType == .unauthorized)
        #expect(harness.server.requests.count == 1)
    }
}
