import Glibc

/// One client TCP connection driven by a single thread: a non-blocking socket (`TCP_NODELAY`,
/// close-on-exec), every wait a `poll(2)` bounded by a deadline, sends with `MSG_NOSIGNAL` (a
/// broken connection is an error, never `SIGPIPE`).
///
/// Not thread-safe: one thread owns it. Its waits block that thread, so it belongs on a thread
/// of its own, never on Swift's cooperative pool.
package final class TCPStream {
    private let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Connects to `host`:`port` (each resolved address in turn) before `deadline`. A failure's
    /// message is the reason alone ("Connection refused", "connect timed out"): the caller names the peer.
    package static func connect(host: String, port: Int, deadline: ContinuousClock.Instant) throws(TCPStreamError)
        -> TCPStream
    {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0, let first = list else {
            throw TCPStreamError(.unreachable, "cannot resolve \(host)")
        }
        defer { freeaddrinfo(list) }
        var reason = "no address"
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let current = entry {
            entry = current.pointee.ai_next
            let fd = socket(current.pointee.ai_family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            guard fd >= 0 else { continue }
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            var one: Int32 = 1
            setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            if Glibc.connect(fd, current.pointee.ai_addr, current.pointee.ai_addrlen) == 0 {
                return TCPStream(descriptor: fd)
            }
            guard errno == EINPROGRESS else {
                reason = SystemReason.text(errno)
                close(fd)
                continue
            }
            guard wait(fd, for: Int16(POLLOUT), until: deadline) else {
                reason = "connect timed out"
                close(fd)
                continue
            }
            var error: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length)
            guard error == 0 else {
                reason = SystemReason.text(error)
                close(fd)
                continue
            }
            return TCPStream(descriptor: fd)
        }
        throw TCPStreamError(.unreachable, reason)
    }

    /// Sends every byte before `deadline`.
    package func send(_ bytes: [UInt8], deadline: ContinuousClock.Instant) throws(TCPStreamError) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return Glibc.send(descriptor, base + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
            }
            if sent > 0 {
                offset += sent
                continue
            }
            if sent < 0, errno == EINTR { continue }
            if sent < 0, errno == EAGAIN || errno == EWOULDBLOCK {
                guard Self.wait(descriptor, for: Int16(POLLOUT), until: deadline) else {
                    throw TCPStreamError(.timeout, "the peer did not take the data in time")
                }
                continue
            }
            throw TCPStreamError(.connectionLost, "the connection broke while sending")
        }
    }

    /// Reads what arrives next into `buffer` (up to its size) before `deadline`: the count, at
    /// least 1. The peer closing the connection is ``TCPStreamError/Kind/connectionLost``.
    package func receive(into buffer: inout [UInt8], deadline: ContinuousClock.Instant) throws(TCPStreamError) -> Int {
        while true {
            guard Self.wait(descriptor, for: Int16(POLLIN), until: deadline) else {
                throw TCPStreamError(.timeout, "the peer did not answer in time")
            }
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count > 0 { return count }
            if count < 0, errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK { continue }
            throw TCPStreamError(.connectionLost, "the peer closed the connection")
        }
    }

    /// Waits until the descriptor is ready for `events`; false when `deadline` passed first.
    private static func wait(_ fd: Int32, for events: Int16, until deadline: ContinuousClock.Instant) -> Bool {
        while true {
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero else { return false }
            let parts = remaining.components
            let milliseconds = Int32(clamping: parts.seconds * 1000 + parts.attoseconds / 1_000_000_000_000_000 + 1)
            var entry = pollfd(fd: fd, events: events, revents: 0)
            let ready = poll(&entry, 1, milliseconds)
            if ready > 0 { return true }
            if ready < 0, errno != EINTR { return true }  // the following send/recv reports the error
        }
    }
}
