import Foundation
import TestSupport
import Testing

/// The wire-level reply modes transport tests rely on: interim heads, close-delimited bodies,
/// waits that end when the client hangs up, and a port that refuses connections.
@Suite struct LoopbackReplyModeTests {
    @Test("sends interim 1xx heads byte for byte before the final reply")
    func interimHeads() throws {
        let server = try LoopbackServer { _ in
            .interim(
                status: 103, headers: [("Link", "</style.css>; rel=preload")],
                then: .interim(
                    status: 100, headers: [],
                    then: .respond(status: 200, headers: [("X-Final", "1")], body: Data("done".utf8))))
        }
        defer { server.stop() }
        let client = try RawHTTPClient(port: server.port)
        try client.sendHead("GET", "/", headers: [("Connection", "close")])

        let wire = String(decoding: try client.readToEnd(), as: UTF8.self)

        #expect(
            wire == "HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n"
                + "HTTP/1.1 100 Continue\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nX-Final: 1\r\nContent-Length: 4\r\nConnection: close\r\n\r\ndone")
    }

    @Test("keeps the connection after a reply that began with an interim head")
    func interimThenKeepAlive() throws {
        let server = try LoopbackServer { request in
            .interim(status: 103, headers: [("Link", "</a>")], then: .text(request.path))
        }
        defer { server.stop() }
        let client = try RawHTTPClient(port: server.port)
        try client.sendHead("GET", "/first")
        let interim = try client.readResponse()
        #expect(interim.status == 103 && interim.header("Link") == "</a>" && interim.header("Content-Length") == nil)
        #expect(try client.readResponse().bodyText == "/first")
        #expect(try client.request("GET", "/second").bodyText == "/second")
        #expect(server.connectionsAccepted == 1)
    }

    @Test("ends a close-delimited body by closing, with no Content-Length in the head")
    func closeDelimited() async throws {
        let body = Data(repeating: 0x41, count: 50_000)
        let server = try LoopbackServer { _ in
            .closeDelimited(status: 200, headers: [("X-Kind", "eof"), ("Content-Length", "3")], body: body)
        }
        defer { server.stop() }
        let client = try RawHTTPClient(port: server.port)
        try client.sendHead("GET", "/big")

        let wire = try client.readToEnd()

        #expect(wire == Data("HTTP/1.1 200 OK\r\nX-Kind: eof\r\n\r\n".utf8) + body)
        #expect(await server.waitForClosedConnections(count: 1, timeout: .seconds(30)))
    }

    @Test("says Connection: close on a close-delimited reply when the client asked to close")
    func closeDelimitedClientClose() throws {
        let server = try LoopbackServer { _ in .closeDelimited(status: 200, headers: [], body: Data("abc".utf8)) }
        defer { server.stop() }
        let response = try RawHTTPClient(port: server.port).request("GET", "/", headers: [("Connection", "close")])
        #expect(response.header("Content-Length") == nil && response.closesConnection)
        #expect(response.bodyText == "abc")
    }

    @Test("ends a delayed reply's wait, without replying, when the client closes")
    func delayEndsOnClientClose() async throws {
        let server = try LoopbackServer { _ in .delayed(.seconds(600), .text("too late")) }
        defer { server.stop() }
        let client = try RawHTTPClient(port: server.port)
        try client.sendHead("GET", "/slow")
        #expect(await server.waitForRequests(count: 1, timeout: .seconds(30)))
        #expect(server.connectionsClosed == 0)

        client.close()

        // The wait is 600 s; the connection is seen closed within the 30 s bound only if the close ended it.
        #expect(await server.waitForClosedConnections(count: 1, timeout: .seconds(30)))
        #expect(server.connectionsOpen == 0)
    }

    @Test("keeps waiting when the client pipelines another request during the delay")
    func delaySurvivesPipelinedBytes() throws {
        let server = try LoopbackServer { request in .delayed(.milliseconds(200), .text(request.path)) }
        defer { server.stop() }
        let client = try RawHTTPClient(port: server.port)
        try client.send("GET /one HTTP/1.1\r\nHost: x\r\n\r\nGET /two HTTP/1.1\r\nHost: x\r\n\r\n")

        #expect(try client.readResponse().bodyText == "/one")
        #expect(try client.readResponse().bodyText == "/two")
        #expect(server.connectionsAccepted == 1 && server.connectionsClosed == 0)
    }

    @Test("stop() ends a delayed reply's wait at once")
    func stopEndsDelay() async throws {
        let server = try LoopbackServer { _ in .delayed(.seconds(600), .text("too late")) }
        let client = try RawHTTPClient(port: server.port)
        try client.sendHead("GET", "/slow")
        #expect(await server.waitForRequests(count: 1, timeout: .seconds(30)))

        server.stop()

        #expect(await server.waitForClosedConnections(count: 1, timeout: .seconds(30)))
        #expect(client.waitForClose() == .closed)
    }

    @Test("waits until every accepted connection has closed")
    func allConnectionsClosed() async throws {
        let server = try LoopbackServer { _ in .stall }
        defer { server.stop() }
        let clients = try (0..<3).map { index in
            let client = try RawHTTPClient(port: server.port)
            try client.sendHead("GET", "/\(index)")
            return client
        }
        #expect(await server.waitForRequests(count: 3, timeout: .seconds(30)))
        #expect(server.connectionsOpen == 3)
        clients[0].close()
        clients[1].close()
        #expect(await server.waitForClosedConnections(count: 2, timeout: .seconds(30)))
        #expect(await server.waitForAllConnectionsClosed(timeout: .milliseconds(50)) == false)

        clients[2].close()

        #expect(await server.waitForAllConnectionsClosed(timeout: .seconds(30)))
        #expect(server.connectionsClosed == 3 && server.connectionsOpen == 0)
    }

    @Test("resets the connection before any byte of the response")
    func resetBeforeResponse() throws {
        let server = try LoopbackServer { _ in .reset }
        defer { server.stop() }
        let client = try RawHTTPClient(port: server.port)
        try client.sendHead("POST", "/", bodyLength: 3)
        try client.send("abc")
        let error = try #require(throws: SocketError.self) { try client.readToEnd() }
        #expect(error.isConnectionReset)
        #expect(server.requests.map(\.bodyText) == ["abc"])
    }

    @Test("refuses connections on a RefusingPort until it is closed")
    func refusingPort() throws {
        let refusing = try RefusingPort()
        defer { refusing.close() }
        #expect(refusing.port > 0 && refusing.baseURL == "http://127.0.0.1:\(refusing.port)")

        let error = try #require(throws: SocketError.self) { try RawHTTPClient(port: refusing.port) }

        #expect(error.isConnectionRefused)
        refusing.close()
        refusing.close()
    }
}
