import Engine
import Foundation
import JSON
import TestSupport
import Testing

/// What a hostile or broken vendor sends is typed honestly: `invalid_response` for answers that
/// are not HTTP, `upstream_error` with the status for statuses the table does not name —
/// `invalid_arguments` only ever means the model's arguments (validation, or a vendor 400).
@Suite struct MalformedResponseTests {
    /// The failure of a `get` (a read) and of a `create` (a write) against a vendor sending `bytes`.
    private static func failures(_ reply: ServerReply) async throws -> (read: EngineError, write: EngineError) {
        var router = Router()
        router.on("GET", "/v1/things/{id}", reply: reply)
        router.on("POST", "/v1/things", reply: reply)
        let harness = try EngineHarness(
            router: router, settings: #""retry": {"max_attempts": 1, "initial_backoff_ms": 10}"#,
            operations: #"""
                "get": {"request": "GET /v1/things/{id}", "description": "Fetch one thing of the vendor by id.",
                        "parameters": {"id": {"in": "path", "type": "string", "description": "Id."}}},
                "create": {"request": "POST /v1/things", "description": "Create one thing at the vendor.",
                           "parameters": {"name": {"in": "body", "type": "string", "description": "Name."}}}
                """#)
        defer { harness.stop() }
        let read = try #require(try await harness.call("get", ["id": "1"]).error)
        let write = try #require(try await harness.call("create", ["name": "x"]).error)
        return (read, write)
    }

    /// Replies that are not HTTP a client can read, by name.
    static let notHTTPReplies: [(String, Data)] = {
        let bigLine = "HTTP/1.1 200 OK\r\nX-Big: " + String(repeating: "a", count: 120_000) + "\r\n\r\n"
        let manyLine = "X-Many: " + String(repeating: "b", count: 1000) + "\r\n"
        let manyLines = "HTTP/1.1 200 OK\r\n" + String(repeating: manyLine, count: 300) + "Content-Length: 2\r\n\r\n{}"
        return [
            ("garbage status line", Data("HELLO THERE\r\n\r\n".utf8)),
            ("HTTP/0.9 body without a head", Data(#"{"id": 1}"#.utf8)),
            ("status line without a code", Data("HTTP/1.1 OK\r\nContent-Length: 0\r\n\r\n".utf8)),
            ("one header line over 100 KiB", Data(bigLine.utf8)),
            ("a header block over 256 KiB", Data(manyLines.utf8)),
        ]
    }()

    @Test(
        "a reply that is not HTTP is invalid_response, retryable for a read and not for a write",
        arguments: notHTTPReplies)
    func notHTTP(name: String, bytes: Data) async throws {
        let (read, write) = try await Self.failures(.raw(bytes))
        #expect(read.type == .invalidResponse, "\(name): \(read.text)")
        #expect(read.retryable, "\(name)")
        #expect(write.type == .invalidResponse, "\(name): \(write.text)")
        #expect(!write.retryable, "\(name)")
        #expect(!read.message.lowercased().contains("out of memory"), "\(read.message)")
    }

    @Test(
        "a status the table does not name is upstream_error carrying it, not retryable",
        arguments: [418, 441, 461, 499])
    func unmappedStatus(status: Int) async throws {
        let (read, write) = try await Self.failures(.json(status, #"{"message":"odd \#(status)"}"#))
        for error in [read, write] {
            #expect(error.type == .upstreamError, "\(error.text)")
            #expect(error.status == status)
            #expect(error.message == "odd \(status)")
            #expect(!error.retryable)
        }
    }

    @Test("a vendor 400 stays invalid_arguments with its message, so the model can correct itself")
    func vendor400() async throws {
        let (read, _) = try await Self.failures(.json(400, #"{"message":"name is too short"}"#))
        #expect(read.type == .invalidArguments)
        #expect(read.status == 400)
    }
}
