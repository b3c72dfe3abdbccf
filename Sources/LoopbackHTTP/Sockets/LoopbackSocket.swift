import Foundation
import Glibc

/// Thin, typed wrappers over the Glibc socket calls used by the loopback server and the raw client.
///
/// Every descriptor is created close-on-exec so that test processes which launch the `switchyard`
/// binary do not leak listeners into it, and every send uses `MSG_NOSIGNAL` so a vanished peer
/// yields `EPIPE` instead of killing the test process with `SIGPIPE`.
package enum LoopbackSocket {
    /// The IPv4 loopback address in network byte order.
    private static let loopbackAddress = in_addr(s_addr: in_addr_t(0x7F00_0001).bigEndian)

    /// Opens a listening TCP socket on 127.0.0.1 with a kernel-chosen port.
    package static func listen(backlog: Int32) throws -> (descriptor: Int32, port: Int) {
        let (descriptor, port) = try bindWithoutListening()
        guard Glibc.listen(descriptor, backlog) == 0 else {
            let failure = SocketError("listen")
            Glibc.close(descriptor)
            throw failure
        }
        return (descriptor, port)
    }

    /// Binds a TCP socket to 127.0.0.1 with a kernel-chosen port and does not listen on it.
    ///
    /// While the descriptor stays open no other socket can take the port, and a connection to it
    /// is refused (the kernel answers the SYN with a reset).
    package static func bindWithoutListening() throws -> (descriptor: Int32, port: Int) {
        let descriptor = try makeStreamSocket()
        do {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = 0
            address.sin_addr = loopbackAddress
            let bound = withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    Glibc.bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            guard bound == 0 else { throw SocketError("bind") }
            return (descriptor, try localPort(of: descriptor))
        } catch {
            Glibc.close(descriptor)
            throw error
        }
    }

    /// Connects a new TCP socket to 127.0.0.1:`port`.
    package static func connect(port: Int) throws -> Int32 {
        let descriptor = try makeStreamSocket()
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(truncatingIfNeeded: port).bigEndian)
        address.sin_addr = loopbackAddress
        while true {
            let result = withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            if result == 0 { break }
            if errno == EINTR { continue }
            let failure = SocketError("connect")
            Glibc.close(descriptor)
            throw failure
        }
        setNoDelay(descriptor)
        return descriptor
    }

    /// Accepts one connection, retrying on `EINTR`; the new descriptor is close-on-exec.
    package static func accept(_ listener: Int32) throws -> Int32 {
        while true {
            let descriptor = Glibc.accept(listener, nil, nil)
            if descriptor >= 0 {
                // accept4 is not exported by the Glibc module; a fork between these calls is harmless in tests.
                _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
                setNoDelay(descriptor)
                return descriptor
            }
            if errno == EINTR { continue }
            throw SocketError("accept")
        }
    }

    /// Writes all of `data`, looping over partial sends; fails with `EPIPE`/`ECONNRESET` if the peer is gone.
    package static func sendAll(_ descriptor: Int32, _ data: Data) throws {
        try data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            guard let base = bytes.baseAddress else { return }
            var offset = 0
            while offset < bytes.count {
                let sent = Glibc.send(descriptor, base + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
                if sent > 0 {
                    offset += sent
                } else if sent < 0 && errno == EINTR {
                    continue
                } else {
                    throw SocketError("send")
                }
            }
        }
    }

    /// Reads up to `buffer.count` bytes; returns 0 at end of stream.
    package static func receive(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while true {
            let received = Glibc.recv(descriptor, buffer.baseAddress, buffer.count, 0)
            if received >= 0 { return received }
            if errno == EINTR { continue }
            throw SocketError("recv")
        }
    }

    /// Waits until `descriptor` is readable (data, end of stream or error) or `timeout` passes.
    package static func waitReadable(_ descriptor: Int32, timeout: Duration) -> Bool {
        let deadline = ContinuousClock.now + timeout
        while true {
            var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let remaining = ContinuousClock.now.duration(to: deadline).pollMilliseconds
            let result = Glibc.poll(&request, 1, remaining)
            if result > 0 { return true }
            if result == 0 { return false }
            if errno != EINTR { return true }
        }
    }

    /// Waits until the peer of `descriptor` closes or resets the connection, or `timeout` passes.
    ///
    /// Returns true when the peer went away (or the socket was shut down locally, as `stop()` does),
    /// false when the timeout passed first. Bytes the peer sends meanwhile, such as a pipelined
    /// request, neither wake the wait nor are consumed: it listens for hang-up events only.
    package static func waitForHangUp(_ descriptor: Int32, timeout: Duration) -> Bool {
        let deadline = ContinuousClock.now + timeout
        while true {
            // POLLERR and POLLHUP are always reported; POLLRDHUP adds "the peer sent FIN".
            var request = pollfd(fd: descriptor, events: peerHangUpEvent, revents: 0)
            let remaining = ContinuousClock.now.duration(to: deadline).pollMilliseconds
            let result = Glibc.poll(&request, 1, remaining)
            if result > 0 { return true }
            if result == 0 { return false }
            if errno != EINTR { return true }
        }
    }

    /// `POLLRDHUP` (Linux), which the Glibc module does not export because it sits behind `_GNU_SOURCE`.
    private static let peerHangUpEvent: Int16 = 0x2000

    /// Bounds every blocking receive on `descriptor` by `timeout` (`SO_RCVTIMEO`).
    package static func setReceiveTimeout(_ descriptor: Int32, _ timeout: Duration) {
        let (seconds, attoseconds) = timeout.components
        var value = timeval(tv_sec: Int(seconds), tv_usec: Int(attoseconds / 1_000_000_000_000))
        if value.tv_sec == 0 && value.tv_usec == 0 { value.tv_usec = 1 }
        _ = setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &value, socklen_t(MemoryLayout<timeval>.size))
    }

    /// Makes a later `close` send a TCP reset instead of an orderly FIN (`SO_LINGER` with a zero timeout).
    package static func setResetOnClose(_ descriptor: Int32) {
        var value = linger(l_onoff: 1, l_linger: 0)
        _ = setsockopt(descriptor, SOL_SOCKET, SO_LINGER, &value, socklen_t(MemoryLayout<linger>.size))
    }

    /// Shuts both directions down, waking any thread blocked in `accept` or `recv` on `descriptor`.
    package static func shutdownBoth(_ descriptor: Int32) {
        _ = Glibc.shutdown(descriptor, Int32(SHUT_RDWR))
    }

    /// Closes `descriptor`, ignoring errors (there is nothing useful to do about them here).
    package static func close(_ descriptor: Int32) {
        _ = Glibc.close(descriptor)
    }

    private static func makeStreamSocket() throws -> Int32 {
        let descriptor = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw SocketError("socket") }
        return descriptor
    }

    private static func setNoDelay(_ descriptor: Int32) {
        var enabled: Int32 = 1
        _ = setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &enabled, socklen_t(MemoryLayout<Int32>.size))
    }

    private static func localPort(of descriptor: Int32) throws -> Int {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let result = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard result == 0 else { throw SocketError("getsockname") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
