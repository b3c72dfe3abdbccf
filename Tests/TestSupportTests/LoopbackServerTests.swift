import Dispatch
import Foundation
import Synchronization
import TestSupport
import Testing

@Suite struct LoopbackServerTests {
    /// A router with the routes most tests share: echo, captures, a delay, a reset and a script.
    private static func vendorRouter(script: ReplySequence = ReplySequence([], then: .empty(204))) -> Router {
        var router = Router()
        router.on("*", "/echo") { request, _ in .text(request.bodyText, headers: [("X-Method", request.method)]) }
        router.on("GET", "/repos/{owner}/{repo}/issues") { _, parameters in
            .json(#"{"owner":"\#(parameters["owner"] ?? "")","raw":"\#(parameters.raw["owner"] ?? "")"}"#)
        }
        router.on("GET", "/slow", reply: .delayed(.milliseconds(300), .text("late")))
        router.on("GET", "/reset", reply: .reset)
        router.on("GET", "/bye", reply: .closing(.text("bye")))
        router.on("GET", "/limited", sequence: script)
        return router
    }

    @Test("answers with Content-Length and records the request byte for byte")
    func recordsRequest() throws {
        let server = try LoopbackServer(router: Self.vendorRouter())
        defer { server.stop() }
        #expect(server.baseURL == "http://127.0.0.1:\(server.port)")
        let client = try RawHTTPClient(port: server.port)
        let response = try client.request(
            "GET", "/repos/a%2Fb/c/issues?state=open&q=a+b%20c&flag", headers: [("X-Trace", "t1")])

        #expect(response.status == 200)
        #expect(response.header("content-type") == "application/json")
        #expect(response.header("Content-Length") == String(response.body.count))
        #expect(response.bodyText == #"{"owner":"a/b","raw":"a%2Fb"}"#)
        let request = try #require(server.requests.first)
        #expect(request.method == "GET")
        #expect(request.target == "/repos/a%2Fb/c/issues?state=open&q=a+b%20c&flag")
        #expect(request.path == "/repos/a%2Fb/c/issues")
        #expect(request.query == "state=open&q=a+b%20c&flag")
        #expect(request.queryItems.map(\.name) == ["state", "q", "flag"])
        #expect(request.queryItems.map(\.value) == ["open", "a+b c", ""])
        #expect(request.header("x-trace") == "t1")
        #expect(request.header("HOST") == "127.0.0.1:\(server.port)")
        #expect(request.connectionID == 1 && request.sequence == 1)
    }

    @Test("serves several keep-alive requests on one connection")
    func keepAlive() throws {
        let server = try LoopbackServer(router: Self.vendorRouter())
        defer { server.stop() }
        let client = try RawHTTPClient(port: server.port)
        for index in 1...3 {
            let response = try client.request("POST", "/echo", body: "call \(index)")
            #expect(response.bodyText == "call \(index)")
            #expect(!response.closesConnection)
        }
        #expect(server.connectionsAccepted == 1)
        #expect(Set(server.requests.map(\.connectionID)).count == 1)
        #expect(server.requests.map(\.sequence) == [1, 2, 3])
        #expect(server.maxConcurrentRequests == 1)
    }

    @Test("answers pipelined requests in order")
    func pipelined() throws {
        let server = try LoopbackServer(router: Self.vendorRouter())
        defer { server.stop() }
        let client = try RawHTTPClient(port: server.port)
        try client.send(
            "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nfirst"
                + "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 6\r\n\r\nsecond")
        #expect(try client.readResponse().bodyText == "first")
        #expect(try client.readResponse().bodyText == "second")
    }

    @Test("closes after replying when the client sends Connection: close")
    func clientClose() throws {
        let server = try LoopbackServer(router: Self.vendorRouter())
        defer { server.stop() }
        let client = try RawHTTPClient(port: server.port)
        let response = try client.request("POST", "/echo", headers: [("Connection", "close")], body: "x")
        #expect(response.closesConnection)
        #expect(client.waitForClose() == .closed)
    }

    @Test("closes after replying when the reply is .closing")
    func serverClose() throws {
        let server = try LoopbackServer(router: Self.vendorRouter())
        defer { server.stop() }
        let client = try RawHTTPClient(port: server.port)
        let response = try client.request("GET", "/bye")
        #expect(response.bodyText == "bye" && response.closesConnection)
        #expect(client.waitForClose() == .closed)
    }

    @Test("decodes a chunked request body, ignoring extensions and trailers")
    func chunkedBody() throws {
        let server = try LoopbackServer(router: Self.vendorRouter())
        defer { server.stop() }
        let client = try RawHTTPClient(port: server.port)
        try client.sendHead("PUT", "/echo", headers: [("Transfer-Encoding", "chunked")])
        try client.send("5;ext=1\r\nhello\r\n7\r\n, world\r\n0\r\nX-Trailer: t\r\n\r\n")
        let response = try client.readResponse()
        #expect(response.bodyText == "hello, world")
        #expect(server.requests.first?.body == Data("hello, world".utf8))
        #expect(try client.request("POST", "/echo", body: "next").bodyText == "next")
    }

    @Test("sends 100 Continue before reading the body of an Expect request")
    func expectContinue() throws {
        let server = try LoopbackServer(router: Self.vendorRouter())
        defer { server.stop() }
        let client = try RawHTTPClient(port: server.port)
        try client.sendHead("POST", "/echo", headers: [("Expect", "100-continue")], bodyLength: 4)
        let interim = try client.readResponse()
        #expect(interim.status == 100)
        try client.send("data")
        let final = try client.readResponse()
        #expect(final.status == 200 && final.bodyText == "data")
    }

    @Test("resets the connection without any response")
    func resetReply() throws {
        let server = try LoopbackServer(router: Self.vendorRouter())
        defer { server.stop() }
        let client = try RawHTTPClient(port: server.port)
        try client.sendHead("GET", "/reset")
        #expect(client.waitForClose() == .reset)
        #expect(server.requests.count == 1)
    }

    @Test("declares a body it does not deliver with closeAfterHeaders")
    func truncated() throws {
        let server = try LoopbackServer(handler: { _ in .closeAfterHeaders(declaredLength: 100) })
        defer { server.stop() }
        let client = try RawHTTPClient(port: server.port)
        #expect(throws: HTTPParseError.self) { try client.request("GET", "/") }
    }

    @Test("sends a delayed reply no sooner than the delay, without holding up other connections")
    func delayed() throws {
        let server = try LoopbackServer(router: Self.vendorRouter())
        defer { server.stop() }
        let slow = try RawHTTPClient(port: server.port)
        let start = ContinuousClock.now
        try slow.sendHead("GET", "/slow")
        let fast = try RawHTTPClient(port: server.port)
        #expect(try fast.request("POST", "/echo", body: "quick").bodyText == "quick")
        #expect(try slow.readResponse().bodyText == "late")
        #expect(ContinuousClock.now - start >= .milliseconds(300))
    }

    @Test("fails the write quietly when the client hung up during a delayed reply")
    func hangUpDuringDelay() throws {
        let server = try LoopbackServer(router: Self.vendorRouter())
        defer { server.stop() }
        let quitter = try RawHTTPClient(port: server.port)
        try quitter.sendHead("GET", "/slow")
        #expect(server.waitForRequests(count: 1, timeout: .seconds(30)))
        quitter.close()
        let patient = try RawHTTPClient(port: server.port)
        #expect(try patient.request("GET", "/slow").bodyText == "late")
        #expect(try patient.request("POST", "/echo", body: "still here").bodyText == "still here")
    }

    @Test("routes by method and pattern and answers 404 JSON otherwise")
    func routing() throws {
        let server = try LoopbackServer(router: Self.vendorRouter())
        defer { server.stop() }
        let client = try RawHTTPClient(port: server.port)
        let unmatched = [("GET", "/nowhere"), ("POST", "/repos/a/b/issues"), ("GET", "/repos/a/b/issues/")]
        for (method, target) in unmatched {
            let response = try client.request(method, target)
            #expect(response.status == 404, "\(method) \(target)")
            #expect(response.bodyText == #"{"message":"no route"}"#)
        }
        #expect(try client.request("DELETE", "/echo").header("X-Method") == "DELETE")
        #expect(try client.request("GET", "/repos/o/r/issues").status == 200)
    }

    @Test("hands out scripted replies in order, then the fallback")
    func replySequence() throws {
        let script = ReplySequence(
            [.json(429, "{}", headers: [("Retry-After", "1")]), .json(429, "{}")],
            then: .json(#"{"ok":true}"#))
        let server = try LoopbackServer(router: Self.vendorRouter(script: script))
        defer { server.stop() }
        let client = try RawHTTPClient(port: server.port)
        let statuses = try (1...4).map { _ in try client.request("GET", "/limited").status }
        #expect(statuses == [429, 429, 200, 200])
        #expect(script.handedOut == 4 && script.remaining == 0)
    }

    @Test("handles 120 connections at once, each request in flight together")
    func concurrentConnections() throws {
        let clients = 120
        let gate = Gate(expected: clients)
        let server = try LoopbackServer(handler: { request in
            gate.arriveAndWait(timeout: .seconds(60)) ? .text(request.path) : .empty(500)
        })
        defer { server.stop() }
        let successes = Mutex(0)
        let finished = runOnThreads(clients, timeout: .seconds(120)) { index in
            guard let client = try? RawHTTPClient(port: server.port, timeout: .seconds(90)),
                let response = try? client.request("GET", "/client/\(index)"),
                response.status == 200, response.bodyText == "/client/\(index)"
            else { return }
            successes.withLock { $0 += 1 }
        }
        #expect(finished)
        #expect(successes.withLock { $0 } == clients)
        #expect(server.connectionsAccepted == clients)
        #expect(server.maxConcurrentRequests == clients)
        #expect(Set(server.requests.map(\.connectionID)).count == clients)
    }

    @Test("waitForRequests times out empty-handed, then wakes when requests arrive")
    func waitForRequests() async throws {
        let server = try LoopbackServer(router: Self.vendorRouter())
        defer { server.stop() }
        #expect(await server.waitForRequests(count: 1, timeout: .milliseconds(50)) == false)
        let port = server.port
        let sender = Thread {
            guard let client = try? RawHTTPClient(port: port) else { return }
            _ = try? client.request("POST", "/echo", body: "one")
            _ = try? client.request("POST", "/echo", body: "two")
        }
        sender.start()
        #expect(await server.waitForRequests(count: 2, timeout: .seconds(30)))
        #expect(server.requests.map(\.bodyText) == ["one", "two"])
        #expect(server.waitForRequests(count: 2, timeout: .zero))
    }

    @Test("reset() clears the log and counters but keeps numbering")
    func resetLog() throws {
        let server = try LoopbackServer(router: Self.vendorRouter())
        defer { server.stop() }
        let client = try RawHTTPClient(port: server.port)
        _ = try client.request("GET", "/nowhere")
        server.reset()
        #expect(server.requests.isEmpty && server.connectionsAccepted == 0)
        _ = try RawHTTPClient(port: server.port).request("GET", "/nowhere")
        #expect(server.requests.map(\.sequence) == [2])
        #expect(server.requests.map(\.connectionID) == [2])
        #expect(server.connectionsAccepted == 1)
    }

    @Test("writes a 20 MB body and reads a 5 MB one")
    func largeBodies() throws {
        let block = Data((0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let big = (0..<20_000).reduce(into: Data(capacity: 20_000_000)) { data, _ in data.append(block) }
        let server = try LoopbackServer(handler: { request in
            request.method == "GET"
                ? .respond(status: 200, headers: [], body: big) : .text("\(request.body.count)")
        })
        defer { server.stop() }
        let client = try RawHTTPClient(port: server.port)
        let download = try client.request("GET", "/big")
        #expect(download.body.count == big.count && download.body == big)
        let upload = try client.request("POST", "/up", body: Data(count: 5_000_000))
        #expect(upload.bodyText == "5000000")
    }

    @Test("gives HEAD a Content-Length but no body")
    func head() throws {
        let server = try LoopbackServer(handler: { _ in .text("twelve bytes") })
        defer { server.stop() }
        let client = try RawHTTPClient(port: server.port)
        let response = try client.request("HEAD", "/")
        #expect(response.header("Content-Length") == "12" && response.body.isEmpty)
        #expect(try client.request("GET", "/").bodyText == "twelve bytes")
    }

    @Test("answers a malformed request with 400 and closes")
    func malformed() throws {
        let server = try LoopbackServer(handler: { _ in .text("never") })
        defer { server.stop() }
        let client = try RawHTTPClient(port: server.port)
        try client.send("NONSENSE\r\n\r\n")
        #expect(try client.readResponse().status == 400)
        #expect(client.waitForClose() == .closed)
        #expect(server.requests.isEmpty)
    }

    @Test("stop() closes open connections and the listener")
    func stop() throws {
        let server = try LoopbackServer(handler: { _ in .text("ok") })
        let client = try RawHTTPClient(port: server.port)
        _ = try client.request("GET", "/")
        server.stop()
        #expect(client.waitForClose() == .closed)
        #expect(throws: SocketError.self) { try RawHTTPClient(port: server.port) }
    }

    @Test("redirect sets Location with an empty body")
    func redirect() throws {
        let server = try LoopbackServer(handler: { _ in .redirect(307, "/v2/items") })
        defer { server.stop() }
        let response = try RawHTTPClient(port: server.port).request("GET", "/v1/items")
        #expect(response.status == 307 && response.header("location") == "/v2/items" && response.body.isEmpty)
    }

    @Test("percent-decodes escapes and UTF-8 but keeps '+' and broken escapes literal")
    func percentDecoding() {
        #expect(PercentDecoding.decode("a%2Fb+c%20d") == "a/b+c d")
        #expect(PercentDecoding.decode("%E2%9C%93%zz%4") == "✓%zz%4")
        let items = PercentDecoding.queryItems("a=1&&b&c=x%3Dy=z")
        #expect(items.map(\.name) == ["a", "b", "c"])
        #expect(items.map(\.value) == ["1", "", "x=y=z"])
    }

    @Test("a stalling reply never answers and counts the connection closed when the client closes it")
    func stall() async throws {
        let server = try LoopbackServer { _ in .stall }
        defer { server.stop() }
        let client = try RawHTTPClient(port: server.port)
        try client.send("GET /items/stuck HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        #expect(await server.waitForRequests(count: 1, timeout: .seconds(30)))
        #expect(server.connectionsClosed == 0)
        client.close()
        #expect(await server.waitForClosedConnections(count: 1, timeout: .seconds(30)))
        #expect(server.requests.map(\.target) == ["/items/stuck"])
    }
}

/// Releases every arriving thread once `expected` threads have arrived, so all are provably in flight together.
private final class Gate: Sendable {
    private let arrived = Mutex(0)
    private let release = DispatchSemaphore(value: 0)
    private let expected: Int

    init(expected: Int) {
        self.expected = expected
    }

    func arriveAndWait(timeout: Duration) -> Bool {
        let count = arrived.withLock { count in
            count += 1
            return count
        }
        if count == expected {
            for _ in 0..<expected { release.signal() }
        }
        return release.wait(timeout: .now() + .seconds(Int(timeout.components.seconds))) == .success
    }
}

/// Runs `body(index)` on `count` fresh threads and waits for all of them; false if `timeout` passed first.
private func runOnThreads(_ count: Int, timeout: Duration, _ body: @escaping @Sendable (Int) -> Void) -> Bool {
    let group = DispatchGroup()
    for index in 0..<count {
        group.enter()
        Thread {
            body(index)
            group.leave()
        }
        .start()
    }
    return group.wait(timeout: .now() + .seconds(Int(timeout.components.seconds))) == .success
}
