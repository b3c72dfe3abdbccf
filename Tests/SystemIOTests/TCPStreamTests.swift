import Glibc
import SystemIO
import Testing

/// The TCP client stream against loopback sockets made here: refused, silent and echoing peers.
@Suite struct TCPStreamTests {
    /// A listening loopback socket on a free port (and the port).
    static func listener() throws -> (socket: Int32, port: Int) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard fd >= 0, bound == 0, listen(fd, 8) == 0 else { throw TCPStreamError(.unreachable, "no listener") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return (fd, Int(UInt16(bigEndian: address.sin_port)))
    }

    @Test("a port nobody listens on is unreachable, with the system's reason")
    func refused() throws {
        let (fd, port) = try Self.listener()
        close(fd)
        do {
            _ = try TCPStream.connect(host: "127.0.0.1", port: port, deadline: .now + .seconds(5))
            Issue.record("connected to a closed port")
        } catch {
            #expect(error.kind == .unreachable)
            #expect(error.message == "Connection refused")
        }
    }

    @Test("a peer that never answers is a timeout at the deadline")
    func silentPeer() throws {
        let (fd, port) = try Self.listener()
        defer { close(fd) }
        let stream = try TCPStream.connect(host: "127.0.0.1", port: port, deadline: .now + .seconds(5))
        try stream.send(Array("PING\r\n".utf8), deadline: .now + .seconds(5))
        var buffer = [UInt8](repeating: 0, count: 64)
        #expect(throws: TCPStreamError(.timeout, "the peer did not answer in time")) {
            _ = try stream.receive(into: &buffer, deadline: .now + .milliseconds(50))
        }
    }

    @Test("bytes sent arrive at the peer, its answer is received, and its close is connectionLost")
    func roundTrip() throws {
        let (fd, port) = try Self.listener()
        defer { close(fd) }
        let stream = try TCPStream.connect(host: "localhost", port: port, deadline: .now + .seconds(5))
        let peer = accept(fd, nil, nil)
        #expect(peer >= 0)
        try stream.send(Array("hello".utf8), deadline: .now + .seconds(5))
        var received = [UInt8](repeating: 0, count: 5)
        #expect(recv(peer, &received, 5, Int32(MSG_WAITALL)) == 5)
        #expect(received == Array("hello".utf8))
        #expect(send(peer, "hi", 2, 0) == 2)
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = try stream.receive(into: &buffer, deadline: .now + .seconds(5))
        #expect(Array(buffer[0..<count]) == Array("hi".utf8))
        close(peer)
        #expect(throws: TCPStreamError(.connectionLost, "the peer closed the connection")) {
            _ = try stream.receive(into: &buffer, deadline: .now + .seconds(5))
        }
    }
}
