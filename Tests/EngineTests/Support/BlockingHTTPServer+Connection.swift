import Foundation
import Glibc

extension BlockingHTTPServer {
    /// Serves requests on one connection until either side closes it.
    func serve(_ socket: Int32, connection: Int) {
        var buffer: [UInt8] = []
        while let request = Self.readRequest(from: socket, buffer: &buffer, connection: connection) {
            record {
                $0.requests.append(request)
                $0.inFlight += 1
                $0.peakInFlight = max($0.peakInFlight, $0.inFlight)
            }
            let keepOpen = respond(to: request, on: socket)
            record { $0.inFlight -= 1 }
            guard keepOpen else { return }
        }
        closeConnection(socket)
    }

    /// Answers one request; returns whether the connection stays open for another.
    private func respond(to request: RecordedRequest, on socket: Int32) -> Bool {
        let reply = answer(to: request)
        for head in reply.interim where !Self.write(Array(head.utf8), to: socket) {
            closeConnection(socket)
            return false
        }
        if reply.delay > .zero && Self.peerClosed(socket, within: reply.delay) {
            closeConnection(socket)
            return false
        }
        if reply.reset {
            var option = linger(l_onoff: 1, l_linger: 0)
            setsockopt(socket, SOL_SOCKET, SO_LINGER, &option, socklen_t(MemoryLayout<linger>.size))
            closeConnection(socket)
            return false
        }
        var head = "HTTP/1.1 \(reply.status) \(reply.reason)\r\n"
        for field in reply.headers { head += "\(field.name): \(field.value)\r\n" }
        if !reply.closeDelimited { head += "Content-Length: \(reply.body.count)\r\n" }
        head += "\r\n"
        let written = Self.write(Array(head.utf8) + (request.method == "HEAD" ? [] : reply.body), to: socket)
        let clientCloses = request.value(of: "Connection")?.lowercased() == "close"
        guard written, !reply.closeDelimited, !clientCloses else {
            closeConnection(socket)
            return false
        }
        return true
    }

    /// Reads one request (head and `Content-Length` body); `nil` at end of stream or on error.
    private static func readRequest(from socket: Int32, buffer: inout [UInt8], connection: Int) -> RecordedRequest? {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        var headEnd: Int?
        while true {
            headEnd = buffer.firstRange(of: separator)?.lowerBound
            if headEnd != nil { break }
            guard receive(from: socket, into: &buffer) else { return nil }
        }
        guard let headEnd else { return nil }
        let lines = String(decoding: buffer[..<headEnd], as: UTF8.self).components(separatedBy: "\r\n")
        let requestLine = lines[0].split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        var headers: [(name: String, value: String)] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers.append((name: String(line[..<colon]), value: value))
        }
        buffer.removeFirst(headEnd + separator.count)
        var request = RecordedRequest(
            method: String(requestLine[0]), target: String(requestLine[1]), headers: headers, body: [],
            connection: connection)
        let length = request.value(of: "Content-Length").flatMap { Int($0) } ?? 0
        while buffer.count < length {
            guard receive(from: socket, into: &buffer) else { return nil }
        }
        request.body = Array(buffer[..<length])
        buffer.removeFirst(length)
        return request
    }

    /// Appends what one `recv` returns; `false` at end of stream or on error.
    private static func receive(from socket: Int32, into buffer: inout [UInt8]) -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return false }
        buffer.append(contentsOf: chunk[..<count])
        return true
    }

    /// Writes every byte; `false` when the peer has gone (never raises SIGPIPE).
    private static func write(_ bytes: [UInt8], to socket: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes {
                send(socket, $0.baseAddress.map { $0 + offset }, bytes.count - offset, Int32(MSG_NOSIGNAL))
            }
            if sent < 0 && errno == EINTR { continue }
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }

    /// Waits out `delay` on the socket; returns `true` as soon as the peer closes or resets it.
    private static func peerClosed(_ socket: Int32, within delay: Duration) -> Bool {
        let deadline = ContinuousClock.now + delay
        while true {
            let left = ContinuousClock.now.duration(to: deadline)
            guard left > .zero else { return false }
            let milliseconds = Int32(min(left / .milliseconds(1), 60_000).rounded(.up))
            var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, milliseconds)
            if ready < 0 && errno == EINTR { continue }
            guard ready > 0 else { continue }
            var byte: UInt8 = 0
            let peeked = recv(socket, &byte, 1, Int32(MSG_PEEK | MSG_DONTWAIT))
            if peeked <= 0 { return true }
            // The client sent more (a pipelined request): keep waiting without spinning on it.
            usleep(UInt32(min(left / .microseconds(1), 1_000_000)))
        }
    }
}
