import Foundation
import Synchronization

/// A minimal blocking HTTP/1.1 client over one TCP connection, for driving `LoopbackServer` in tests.
///
/// It writes exactly the bytes it is given, so tests can send chunked bodies, pipelined
/// requests or `Expect: 100-continue` handshakes by hand. Every receive is bounded by the
/// timeout given at creation, so a broken server fails a test instead of hanging it.
/// Calls block the calling thread: use it from synchronous tests or dedicated threads.
package final class RawHTTPClient: Sendable {
    private struct State {
        var reader: SocketReader
        var isClosed = false
    }

    private let descriptor: Int32
    private let state: Mutex<State>
    /// The port connected to, used for the `Host` header.
    package let port: Int

    /// Connects to 127.0.0.1:`port`; each later receive waits at most `timeout`.
    package init(port: Int, timeout: Duration = .seconds(30)) throws {
        descriptor = try LoopbackSocket.connect(port: port)
        LoopbackSocket.setReceiveTimeout(descriptor, timeout)
        state = Mutex(State(reader: SocketReader(descriptor: descriptor)))
        self.port = port
    }

    deinit {
        close()
    }

    /// Writes `bytes` as they are.
    package func send(_ bytes: Data) throws {
        try LoopbackSocket.sendAll(descriptor, bytes)
    }

    /// Writes `text` as UTF-8, as it is (write `\r\n` yourself).
    package func send(_ text: String) throws {
        try send(Data(text.utf8))
    }

    /// Writes a request head (with `Host`, and `Content-Length` when there is a body and no framing header).
    package func sendHead(_ method: String, _ target: String, headers: [(String, String)] = [], bodyLength: Int? = nil)
        throws
    {
        var text = "\(method) \(target) HTTP/1.1\r\n"
        if !headers.contains(where: { $0.0.caseInsensitiveEquals("Host") }) { text += "Host: 127.0.0.1:\(port)\r\n" }
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        let framed = headers.contains {
            $0.0.caseInsensitiveEquals("Content-Length") || $0.0.caseInsensitiveEquals("Transfer-Encoding")
        }
        if let bodyLength, !framed { text += "Content-Length: \(bodyLength)\r\n" }
        text += "\r\n"
        try send(text)
    }

    /// Sends one request and returns its final response, skipping any 1xx interim responses.
    package func request(
        _ method: String,
        _ target: String,
        headers: [(String, String)] = [],
        body: Data? = nil
    ) throws -> RawHTTPResponse {
        try sendHead(method, target, headers: headers, bodyLength: body?.count)
        if let body, !body.isEmpty { try send(body) }
        while true {
            let response = try readResponse(toHead: method == "HEAD")
            if !response.isInterim { return response }
        }
    }

    /// Sends one request with a UTF-8 text body and returns its final response.
    package func request(_ method: String, _ target: String, headers: [(String, String)] = [], body: String) throws
        -> RawHTTPResponse
    {
        try request(method, target, headers: headers, body: Data(body.utf8))
    }

    /// Reads the next response, interim ones included; `toHead` when it answers a `HEAD` request.
    ///
    /// Throws `SocketError` (e.g. `isConnectionReset`, `isTimeout`) or `HTTPParseError`.
    package func readResponse(toHead: Bool = false) throws -> RawHTTPResponse {
        try state.withLock { state in
            try HTTPResponseParser.read(from: &state.reader, toHead: toHead)
        }
    }

    /// Reads every remaining byte, unparsed, until the server closes the connection.
    ///
    /// For asserting a response's exact wire form. Throws `SocketError` on a reset or when a
    /// receive outlasts the client's timeout.
    package func readToEnd() throws -> Data {
        try state.withLock { state in try state.reader.readToEnd() }
    }

    /// Waits up to `timeout` for the server to end the connection and reports how it did.
    package func waitForClose(timeout: Duration = .seconds(30)) -> PeerClosure {
        state.withLock { state in
            if state.reader.hasBufferedBytes {
                return .receivedData((try? state.reader.readToEnd()) ?? Data())
            }
            guard LoopbackSocket.waitReadable(descriptor, timeout: timeout) else { return .stillOpen }
            var byte: UInt8 = 0
            do {
                let received = try withUnsafeMutableBytes(of: &byte) {
                    try LoopbackSocket.receive(descriptor, into: $0)
                }
                return received == 0 ? .closed : .receivedData(Data([byte]))
            } catch let error as SocketError where error.isConnectionReset {
                return .reset
            } catch {
                return .stillOpen
            }
        }
    }

    /// Closes the connection in order; idempotent.
    package func close() {
        state.withLock { state in
            guard !state.isClosed else { return }
            state.isClosed = true
            LoopbackSocket.close(descriptor)
        }
    }
}
