import Engine
import Foundation
import TestSupport
import Testing

@Suite struct CurlTransportTests {
    /// A response with exactly these headers (plus the server's `Content-Length`) and a UTF-8 body.
    private static func plain(_ text: String, status: Int = 200, headers: [(String, String)] = []) -> ServerReply {
        .respond(status: status, headers: headers, body: Data(text.utf8))
    }

    /// Sends a request and returns the error it failed with, or `nil` if it succeeded.
    private func failure(of request: HTTPRequest, on transport: CurlTransport) async -> TransportError? {
        do {
            _ = try await transport.send(request)
            return nil
        } catch {
            return error
        }
    }

    @Test("a GET sends the request's headers and returns status, headers and body")
    func getRoundTrip() async throws {
        let server = try LoopbackServer { _ in
            Self.plain("hello", status: 201, headers: [("X-Reply", "yes"), ("X-Empty", "")])
        }
        defer { server.stop() }
        let transport = try CurlTransport()
        let request = HTTPRequest(
            method: "GET", url: server.baseURL + "/things?page=2",
            headers: ["Accept": "application/json", "X-Custom": "abc", "X-Blank": ""])

        let response = try await transport.send(request)

        #expect(response.status == 201)
        #expect(response.headers["x-reply"] == "yes")
        #expect(response.headers["X-Empty"] == "")
        #expect(response.headers["Content-Length"] == "5")
        #expect(response.body == Data("hello".utf8))
        let seen = try #require(server.requests.first)
        #expect(seen.method == "GET")
        #expect(seen.target == "/things?page=2")
        #expect(seen.headerValues("Accept") == ["application/json"])
        #expect(seen.header("X-Custom") == "abc")
        #expect(seen.headerValues("X-Blank") == [""])
        #expect(seen.header("Expect") == nil)
        #expect(seen.header("Accept-Encoding")?.contains("gzip") == true)
    }

    @Test("without an Accept header libcurl's default one is sent")
    func defaultAccept() async throws {
        let server = try LoopbackServer { _ in Self.plain("ok") }
        defer { server.stop() }
        let transport = try CurlTransport()

        _ = try await transport.send(HTTPRequest(method: "GET", url: server.baseURL + "/"))

        #expect(server.requests.first?.headerValues("Accept") == ["*/*"])
    }

    @Test("a POST body arrives byte for byte, without an invented content type or Expect")
    func postBody() async throws {
        let server = try LoopbackServer { _ in Self.plain("created", status: 201) }
        defer { server.stop() }
        let transport = try CurlTransport()
        let body = Data((0..<3000).map { UInt8(truncatingIfNeeded: $0 * 7) })

        let response = try await transport.send(HTTPRequest(method: "POST", url: server.baseURL + "/items", body: body))
        let typed = try await transport.send(
            HTTPRequest(
                method: "POST", url: server.baseURL + "/items", headers: ["Content-Type": "application/json"],
                body: Data("{}".utf8)))

        #expect(response.status == 201)
        #expect(typed.status == 201)
        let requests = server.requests
        try #require(requests.count == 2)
        #expect(requests[0].method == "POST")
        #expect(requests[0].body == body)
        #expect(requests[0].header("Content-Length") == "3000")
        #expect(requests[0].header("Content-Type") == nil)
        #expect(requests[0].header("Expect") == nil)
        #expect(requests[1].headerValues("Content-Type") == ["application/json"])
        #expect(requests[1].body == Data("{}".utf8))
    }

    @Test("PUT, PATCH and DELETE go out with their own method", arguments: ["PUT", "PATCH", "DELETE"])
    func customMethods(method: String) async throws {
        let server = try LoopbackServer { request in Self.plain(request.method) }
        defer { server.stop() }
        let transport = try CurlTransport()
        let body = method == "DELETE" ? nil : Data("{\"a\":1}".utf8)

        let response = try await transport.send(HTTPRequest(method: method, url: server.baseURL + "/x", body: body))

        #expect(response.body == Data(method.utf8))
        let seen = try #require(server.requests.first)
        #expect(seen.method == method)
        #expect(seen.body == body ?? Data())
    }

    @Test("a redirect is returned as it was sent, never followed")
    func redirectNotFollowed() async throws {
        let server = try LoopbackServer { _ in .redirect(302, "/elsewhere") }
        defer { server.stop() }
        let transport = try CurlTransport()

        let response = try await transport.send(HTTPRequest(method: "GET", url: server.baseURL + "/start"))

        #expect(response.status == 302)
        #expect(response.headers["Location"] == "/elsewhere")
        #expect(server.requests.map(\.target) == ["/start"])
    }

    @Test("only the final response's headers are kept after an interim 1xx response")
    func interimResponseSkipped() async throws {
        let server = try LoopbackServer { _ in
            .interim(
                status: 103, headers: [("Link", "</style.css>; rel=preload")],
                then: Self.plain("done", headers: [("X-Final", "1")]))
        }
        defer { server.stop() }
        let transport = try CurlTransport()

        let response = try await transport.send(HTTPRequest(method: "GET", url: server.baseURL + "/"))

        #expect(response.status == 200)
        #expect(response.headers["Link"] == nil)
        #expect(response.headers["X-Final"] == "1")
        #expect(response.body == Data("done".utf8))
    }

    @Test("50 concurrent requests to a slow endpoint run at the same time")
    func concurrentRequests() async throws {
        let server = try LoopbackServer { request in .delayed(.milliseconds(100), Self.plain(request.target)) }
        defer { server.stop() }
        let transport = try CurlTransport()

        let bodies = await withTaskGroup(of: Data?.self) { group in
            for index in 0..<50 {
                group.addTask {
                    try? await transport.send(HTTPRequest(method: "GET", url: server.baseURL + "/n/\(index)")).body
                }
            }
            return await group.reduce(into: [Data?]()) { $0.append($1) }
        }

        #expect(bodies.count == 50)
        #expect(Set(bodies.compactMap { $0 }) == Set((0..<50).map { Data("/n/\($0)".utf8) }))
        // Overlap is proven by the server, not by wall time (the benchmark measures speed).
        #expect(server.maxConcurrentRequests >= 10)
    }

    @Test("sequential requests reuse the connection")
    func connectionReuse() async throws {
        let server = try LoopbackServer { _ in Self.plain("ok") }
        defer { server.stop() }
        let transport = try CurlTransport()

        for _ in 0..<5 {
            _ = try await transport.send(HTTPRequest(method: "GET", url: server.baseURL + "/"))
        }

        #expect(server.requests.count == 5)
        #expect(server.connectionsAccepted <= 2)
    }

    @Test("a request that outlives its timeout fails with timeout")
    func timeout() async throws {
        let server = try LoopbackServer { _ in .delayed(.seconds(30), .empty(200)) }
        defer { server.stop() }
        let transport = try CurlTransport()
        let request = HTTPRequest(method: "GET", url: server.baseURL + "/slow", timeout: .milliseconds(300))

        let error = await failure(of: request, on: transport)

        #expect(error?.kind == .timeout)
    }

    @Test("a refused connection fails with connectFailed")
    func connectionRefused() async throws {
        let refusing = try RefusingPort()
        defer { refusing.close() }
        let transport = try CurlTransport()

        let error = await failure(
            of: HTTPRequest(method: "GET", url: "http://127.0.0.1:\(refusing.port)/"), on: transport)

        #expect(error?.kind == .connectFailed)
    }

    @Test("a connection reset before the response fails with connectionLost")
    func connectionReset() async throws {
        let server = try LoopbackServer { _ in .reset }
        defer { server.stop() }
        let transport = try CurlTransport()

        let error = await failure(of: HTTPRequest(method: "GET", url: server.baseURL + "/"), on: transport)

        #expect(error?.kind == .connectionLost)
    }

    @Test("cancelling the task aborts the transfer at once and closes its connection")
    func cancellationMidTransfer() async throws {
        let server = try LoopbackServer { _ in .delayed(.seconds(30), .empty(200)) }
        defer { server.stop() }
        let transport = try CurlTransport()
        let task = Task { [transport] in
            await failure(of: HTTPRequest(method: "GET", url: server.baseURL + "/slow"), on: transport)
        }
        #expect(await server.waitForRequests(count: 1, timeout: .seconds(10)))
        let clock = ContinuousClock()
        let start = clock.now

        task.cancel()
        let error = await task.value

        #expect(start.duration(to: clock.now) < .seconds(10))
        #expect(error?.kind == .cancelled)
        #expect(await server.waitForClosedConnections(count: 1, timeout: .seconds(10)))
    }

    @Test("tasks cancelled at any moment all end with cancelled")
    func cancellationAtAnyMoment() async throws {
        let server = try LoopbackServer { _ in .delayed(.seconds(30), .empty(200)) }
        defer { server.stop() }
        let transport = try CurlTransport()
        let tasks = (0..<20).map { index in
            Task { [transport] () async -> TransportError? in
                if index.isMultiple(of: 4) { withUnsafeCurrentTask { $0?.cancel() } }
                return await failure(of: HTTPRequest(method: "GET", url: server.baseURL + "/\(index)"), on: transport)
            }
        }
        // Some tasks cancel themselves before sending; let part of the rest reach the server.
        #expect(await server.waitForRequests(count: 5, timeout: .seconds(10)))
        let clock = ContinuousClock()
        let start = clock.now

        tasks.forEach { $0.cancel() }
        var kinds: [TransportError.Kind?] = []
        for task in tasks { kinds.append(await task.value?.kind) }

        #expect(kinds == Array(repeating: .cancelled, count: 20))
        #expect(start.duration(to: clock.now) < .seconds(10))
        #expect(await server.waitForAllConnectionsClosed(timeout: .seconds(10)))
    }

    @Test("a 5 MB body goes up and comes back intact")
    func largeBodies() async throws {
        let server = try LoopbackServer { request in .respond(status: 200, headers: [], body: request.body) }
        defer { server.stop() }
        let transport = try CurlTransport()
        let body = Data((0..<5_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) })

        let response = try await transport.send(HTTPRequest(method: "PUT", url: server.baseURL + "/blob", body: body))

        #expect(response.body.count == body.count)
        #expect(response.body == body)
    }

    @Test("a response over maxResponseBytes fails with tooLarge", arguments: [false, true])
    func tooLarge(closeDelimited: Bool) async throws {
        let body = Data(repeating: 0x41, count: 50_000)
        let server = try LoopbackServer { _ in
            closeDelimited
                ? .closeDelimited(status: 200, headers: [], body: body) : .respond(status: 200, headers: [], body: body)
        }
        defer { server.stop() }
        let transport = try CurlTransport(maxResponseBytes: 10_000)

        let error = await failure(of: HTTPRequest(method: "GET", url: server.baseURL + "/big"), on: transport)

        #expect(error?.kind == .tooLarge)
    }

    @Test("a request that cannot be sent as given fails with invalidRequest before any connection")
    func invalidRequests() async throws {
        let server = try LoopbackServer { _ in Self.plain("ok") }
        defer { server.stop() }
        let transport = try CurlTransport()
        let requests = [
            HTTPRequest(method: "GET", url: server.baseURL + "/", headers: ["X-Bad": "a\r\nInjected: yes"]),
            HTTPRequest(method: "GET", url: server.baseURL + "/", headers: ["Bad Name": "x"]),
            HTTPRequest(method: "GE T", url: server.baseURL + "/"),
            HTTPRequest(method: "GET", url: "ftp://127.0.0.1:\(server.port)/file"),
            HTTPRequest(method: "GET", url: "http://[::1/"),
        ]

        for request in requests {
            let error = await failure(of: request, on: transport)
            #expect(error?.kind == .invalidRequest, "\(request.method) \(request.url)")
            #expect(error?.message.contains("a\r\n") == false)
        }
        #expect(server.connectionsAccepted == 0)
    }
}
