import Engine
import JSON
import TestSupport
import Testing

/// Vendor failures become typed tool errors with the vendor's own message and a trimmed,
/// redacted copy of its body (DESIGN.md §5 *Errors*).
@Suite struct ErrorShapingTests {
    /// A vendor answering `reply` to `GET /v1/things/{id}` (tool `get`), one try per call.
    static func harness(
        _ reply: ServerReply, errors: String? = nil, settings: String = "", environment: [String: String] = [:]
    ) throws -> EngineHarness {
        var router = Router()
        router.on("GET", "/v1/things/{id}", reply: reply)
        router.on("GET", "/v1/things", reply: reply)
        let errorBlock = errors.map { #", "errors": \#($0)"# } ?? ""
        return try EngineHarness(
            router: router,
            settings: #""retry": {"max_attempts": 1, "initial_backoff_ms": 10}"#
                + (settings.isEmpty ? "" : ", " + settings),
            environment: environment,
            operations: #"""
                "get": {"request": "GET /v1/things/{id}", "description": "Fetch one thing of the vendor by id.",
                        "parameters": {"id": {"in": "path", "type": "string", "description": "Id."}}\#(errorBlock)},
                "list": {"request": "GET /v1/things", "description": "List the things of the vendor in order.",
                         "pagination": {"style": "none", "records": "/things"}\#(errorBlock)}
                """#)
    }

    /// Calls `get` against a vendor answering `reply`.
    static func failure(of reply: ServerReply, errors: String? = nil) async throws -> EngineError {
        let harness = try harness(reply, errors: errors)
        defer { harness.stop() }
        let outcome = try await harness.call("get", ["id": "1"])
        #expect(harness.server.requests.count == 1)
        return try #require(outcome.error, "expected a failure, got \(outcome.text)")
    }

    @Test(
        "vendor statuses map to error types with the status and the vendor's message",
        arguments: [
            (400, ErrorType.invalidArguments), (401, .unauthorized), (403, .forbidden), (404, .notFound),
            (409, .conflict), (422, .unprocessable), (429, .rateLimited), (500, .upstreamError), (502, .upstreamError),
            (503, .upstreamError),
        ])
    func statusMapping(status: Int, type: ErrorType) async throws {
        let body = #"{"message":"vendor says \#(status)","code":"E\#(status)"}"#
        let error = try await Self.failure(of: .json(status, body))
        #expect(error.type == type)
        #expect(error.status == status)
        #expect(error.message == "vendor says \(status)")
        #expect(error.vendor == ["message": .string("vendor says \(status)"), "code": .string("E\(status)")])
        #expect(error.retryable == type.isRetryable)
        let structured = try #require(error.structured["error"]?.objectValue)
        #expect(structured["type"] == .string(type.rawValue))
        #expect(structured["status"] == .int(Int64(status)))
        #expect(structured["vendor"] != nil)
    }

    @Test(
        "the default message pointers find the vendor's message",
        arguments: [
            (#"{"message":"m1"}"#, "m1"), (#"{"error":"m2"}"#, "m2"), (#"{"error":{"code":7,"message":"m3"}}"#, "m3"),
            (#"{"error_description":"m4"}"#, "m4"), (#"{"errorMessages":["m5"],"errors":{}}"#, "m5"),
            (#"[{"message":"m6","errorCode":"INVALID_FIELD"}]"#, "m6"), (#"{"errors":[{"message":"m7"}]}"#, "m7"),
            (#"{"message":"","errors":[{"message":"m8"}]}"#, "m8"),
        ])
    func defaultMessagePointers(body: String, message: String) async throws {
        let error = try await Self.failure(of: .json(400, body))
        #expect(error.message == message)
        #expect(error.vendor == (try JSONParser.parse(body)))
    }

    @Test("configured message pointers are tried before the defaults")
    func configuredPointers() async throws {
        let body = #"{"message":"generic","errors":[{"title":"Title is too long","detail":"max 80"}]}"#
        let error = try await Self.failure(
            of: .json(422, body), errors: #"{"message": ["/detail", "/errors/0/title"]}"#)
        #expect(error.type == .unprocessable)
        #expect(error.message == "Title is too long")
    }

    @Test("without a message the status is named; a short text body is the message; HTML is not")
    func fallbackMessages() async throws {
        let noMessage = try await Self.failure(of: .json(400, #"{"code":12}"#))
        #expect(noMessage.message.contains("400") || noMessage.message.contains("12"))
        #expect(noMessage.vendor == ["code": 12])
        let text = try await Self.failure(of: .text(500, "Service temporarily down\n"))
        #expect(text.message == "Service temporarily down")
        #expect(text.vendor == "Service temporarily down\n")
        let html = try await Self.failure(of: .text(502, "<html><body>Bad gateway</body></html>"))
        #expect(html.message.contains("502"))
        #expect(html.vendor?.stringValue?.hasPrefix("<html>") == true)
        let empty = try await Self.failure(of: .empty(404))
        #expect(empty.type == .notFound)
        #expect(empty.vendor == nil)
    }

    @Test("a big vendor body is kept trimmed, JSON or not")
    func bigBodiesTrimmed() async throws {
        let filler = String(repeating: "ab€", count: 4000)
        let json = try await Self.failure(of: .json(500, #"{"message":"too big","data":"\#(filler)"}"#))
        #expect(json.message == "too big")
        let trimmed = try #require(json.vendor?.stringValue)
        #expect(trimmed.utf8.count <= ResponseInterpreter.vendorBodyLimit + 3)
        #expect(trimmed.hasPrefix(#"{"message":"too big","data":"ab€"#))
        let text = try await Self.failure(of: .text(500, filler))
        #expect((text.vendor?.stringValue?.utf8.count ?? .max) <= ResponseInterpreter.vendorBodyLimit + 3)
        #expect(text.message.contains("500"))
    }

    @Test("a 2xx body that is not JSON is invalid_response, for single and list tools")
    func nonJSONSuccess() async throws {
        let harness = try Self.harness(.text(200, "<html>maintenance</html>"))
        defer { harness.stop() }
        for tool in ["get", "list"] {
            let outcome = try await harness.call(tool, tool == "get" ? ["id": "1"] : [:])
            #expect(outcome.errorType == .invalidResponse)
            #expect(outcome.status == 200)
            #expect(outcome.error?.vendor == "<html>maintenance</html>")
        }
        let wrongShape = try Self.harness(.json(#"{"things":"none"}"#))
        defer { wrongShape.stop() }
        #expect(try await wrongShape.call("list").errorType == .invalidResponse)
    }

    @Test("failure_when equals: Slack's ok:false on a 200 is a failure, typed through type_from")
    func slackFailure() async throws {
        let body = #"{"ok":false,"error":"channel_not_found","warning":"superfluous_charset"}"#
        let untyped = try await Self.failure(
            of: .json(body), errors: #"{"failure_when": {"pointer": "/ok", "equals": false}}"#)
        #expect(untyped.type == .upstreamError)
        #expect(untyped.retryable == false)
        #expect(untyped.status == 200)
        #expect(untyped.message == "channel_not_found")
        #expect(untyped.vendor == (try JSONParser.parse(body)))
        let rules = #"""
            {"failure_when": {"pointer": "/ok", "equals": false},
             "type_from": {"pointer": "/error", "map": {"channel_not_found": "not_found", "ratelimited": "rate_limited"}}}
            """#
        #expect(try await Self.failure(of: .json(body), errors: rules).type == .notFound)
        let limited = try await Self.failure(of: .json(#"{"ok":false,"error":"ratelimited"}"#), errors: rules)
        #expect(limited.type == .rateLimited)
        #expect(limited.retryable)
        let harness = try Self.harness(.json(#"{"ok":true,"things":[{"id":1}]}"#), errors: rules)
        defer { harness.stop() }
        #expect(try await harness.call("get", ["id": "1"]).structured == ["ok": true, "things": [["id": 1]]])
        #expect(try await harness.call("list").items() == [["id": 1]])
    }

    @Test("failure_when exists: GraphQL errors on a 200 are a failure; null or absent errors are not")
    func graphQLFailure() async throws {
        let rule = #"{"failure_when": {"pointer": "/errors", "exists": true}}"#
        let body = #"{"data":null,"errors":[{"message":"Field 'x' doesn't exist on type 'Query'","path":["x"]}]}"#
        let error = try await Self.failure(of: .json(body), errors: rule)
        #expect(error.type == .upstreamError)
        #expect(error.message == "Field 'x' doesn't exist on type 'Query'")
        for fine in [#"{"data":{"x":1}}"#, #"{"data":{"x":1},"errors":null}"#] {
            let harness = try Self.harness(.json(fine), errors: rule)
            defer { harness.stop() }
            #expect(try await !harness.call("get", ["id": "1"]).isError)
        }
        let listHarness = try Self.harness(.json(#"{"things":[],"errors":[{"message":"denied"}]}"#), errors: rule)
        defer { listHarness.stop() }
        let list = try await listHarness.call("list")
        #expect(list.errorType == .upstreamError)
        #expect(list.error?.message == "denied")
    }

    @Test("secrets the vendor echoes are redacted from the message, the vendor body and the text")
    func echoedSecretsRedacted() async throws {
        let secret = "sk-live-4f9a&b/c"
        let encoded = "sk-live-4f9a%26b%2Fc"
        for reply in [
            ServerReply.json(
                401,
                #"{"message":"token \#(secret) is revoked","request":{"url":"/v1?key=\#(encoded)","auth":"Bearer \#(secret)"}}"#
            ),
            .text(403, "key \(secret) has no access"),
        ] {
            let harness = try Self.harness(
                reply, settings: #""auth": {"type": "bearer", "token": "${VENDOR_TOKEN}"}"#,
                environment: ["VENDOR_TOKEN": secret])
            defer { harness.stop() }
            let outcome = try await harness.call("get", ["id": "1"])
            #expect(harness.server.requests.first?.header("Authorization") == "Bearer \(secret)")
            let error = try #require(outcome.error)
            #expect(error.message.contains("[REDACTED]"))
            let everything = outcome.text + (outcome.structured?.encoded() ?? "") + error.message
            #expect(!everything.contains(secret) && !everything.contains(encoded), "\(everything)")
            #expect(!everything.contains("4f9a"))
        }
    }
}
