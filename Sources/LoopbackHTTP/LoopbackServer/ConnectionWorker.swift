import Foundation

/// Serves the requests of one accepted connection, in order, on that connection's own thread.
struct ConnectionWorker: Sendable {
    /// What to do with the connection once a reply has been performed.
    private enum Ending {
        case keepOpen
        case close
        case reset
    }

    /// The connected socket; registered in `registry`, which closes it.
    let descriptor: Int32
    /// The ID reported in `ReceivedRequest.connectionID`.
    let connectionID: Int
    /// Where requests are recorded.
    let log: RequestLog
    /// Who owns and eventually closes `descriptor`.
    let registry: ConnectionRegistry
    /// Decides the reply to each request.
    let handler: @Sendable (ReceivedRequest) -> ServerReply

    /// Reads and answers requests until the client closes, asks to close, or a reply ends the connection.
    func run() {
        var parser = HTTPRequestParser(descriptor: descriptor)
        var ending = Ending.close
        while true {
            let head: RequestHead
            let body: Data
            do {
                guard let next = try parser.readHead() else { break }
                head = next
                if head.expectsContinue && head.version != "HTTP/1.0" {
                    try LoopbackSocket.sendAll(descriptor, ResponseHead.continueInterim)
                }
                body = try parser.readBody(for: head)
            } catch let error as HTTPParseError {
                let message = Data(#"{"message":"bad request: \#(error.message)"}"#.utf8)
                _ = perform(.respond(status: 400, headers: [("Content-Type", "application/json")], body: message))
                break
            } catch {
                break
            }
            let request = log.record(head, body: body, connectionID: connectionID)
            ending = perform(handler(request), closing: !head.keepsAlive, isHead: head.isHead)
            log.finish()
            if ending != .keepOpen { break }
        }
        if ending == .reset { LoopbackSocket.setResetOnClose(descriptor) }
        registry.close(descriptor)
    }

    /// Writes `reply` to the connection and says whether the connection survives it.
    private func perform(_ reply: ServerReply, closing: Bool = true, isHead: Bool = false) -> Ending {
        switch reply {
        case .respond(let status, let headers, let body):
            let head = ResponseHead.bytes(status: status, headers: headers, contentLength: body.count, closing: closing)
            do {
                try LoopbackSocket.sendAll(descriptor, head)
                if !isHead && !body.isEmpty { try LoopbackSocket.sendAll(descriptor, body) }
            } catch {
                return .close
            }
            return closing ? .close : .keepOpen
        case .delayed(let duration, let inner):
            // A client that hangs up (or `stop()`) ends the wait; the connection then just closes.
            if LoopbackSocket.waitForHangUp(descriptor, timeout: duration) { return .close }
            return perform(inner, closing: closing, isHead: isHead)
        case .interim(let status, let headers, let next):
            do {
                try LoopbackSocket.sendAll(descriptor, ResponseHead.interimBytes(status: status, headers: headers))
            } catch {
                return .close
            }
            return perform(next, closing: closing, isHead: isHead)
        case .closeDelimited(let status, let headers, let body):
            let head = ResponseHead.bytes(status: status, headers: headers, contentLength: nil, closing: closing)
            try? LoopbackSocket.sendAll(descriptor, head + (isHead ? Data() : body))
            return .close
        case .closing(let inner):
            let ending = perform(inner, closing: true, isHead: isHead)
            return ending == .reset ? .reset : .close
        case .reset:
            return .reset
        case .truncatedBody(let status, let headers, let body, let declaredLength):
            let head = ResponseHead.bytes(
                status: status, headers: headers, contentLength: declaredLength, closing: true)
            try? LoopbackSocket.sendAll(descriptor, head + (isHead ? Data() : body))
            return .close
        case .raw(let bytes):
            try? LoopbackSocket.sendAll(descriptor, bytes)
            return .close
        case .stall:
            var chunk = [UInt8](repeating: 0, count: 16 << 10)
            var open = true
            while open {
                let count =
                    (try? chunk.withUnsafeMutableBytes { try LoopbackSocket.receive(descriptor, into: $0) }) ?? 0
                open = count > 0
            }
            return .close
        }
    }
}
