import Glibc

/// One TCP connection to a Redis server, driven by the client's own thread: non-blocking socket,
/// every wait a `poll(2)` bounded by a deadline, writes with `MSG_NOSIGNAL` (no `SIGPIPE`).
///
/// Not thread-safe: only ``RedisClient``'s worker thread touches it.
final class RedisConnection {
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private let parser = RESPParser()

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Connects to `endpoint` before `deadline`.
    static func open(_ endpoint: RedisEndpoint, deadline: ContinuousClock.Instant) throws(RedisError) -> RedisConnection
    {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(endpoint.host, String(endpoint.port), &hints, &list) == 0, let first = list else {
            throw RedisError(.unreachable, "cannot resolve \(endpoint.host)")
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
            if connect(fd, current.pointee.ai_addr, current.pointee.ai_addrlen) == 0 {
                return RedisConnection(descriptor: fd)
            }
            guard errno == EINPROGRESS else {
                reason = String(cString: strerror(errno))
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
                reason = String(cString: strerror(error))
                close(fd)
                continue
            }
            return RedisConnection(descriptor: fd)
        }
        throw RedisError(.unreachable, "cannot connect to \(endpoint): \(reason)")
    }

    /// Sends every byte before `deadline`.
    func write(_ bytes: [UInt8], deadline: ContinuousClock.Instant) throws(RedisError) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return send(descriptor, base + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
            }
            if sent > 0 {
                offset += sent
                continue
            }
            if sent < 0, errno == EINTR { continue }
            if sent < 0, errno == EAGAIN || errno == EWOULDBLOCK {
                guard Self.wait(descriptor, for: Int16(POLLOUT), until: deadline) else {
                    throw RedisError(.timeout, "the server did not take the command in time")
                }
                continue
            }
            throw RedisError(.connectionLost, "the connection broke while sending")
        }
    }

    /// The next whole reply, read before `deadline`.
    func read(deadline: ContinuousClock.Instant) throws(RedisError) -> RESPValue {
        var chunk = [UInt8](repeating: 0, count: 16 << 10)
        while true {
            if !buffer.isEmpty {
                let outcome: RESPParser.Outcome
                do {
                    outcome = try parser.parse(buffer)
                } catch {
                    throw RedisError(.connectionLost, "the server sent a malformed reply (\(error.reason))")
                }
                if case .complete(let value, let consumed) = outcome {
                    buffer.removeFirst(consumed)
                    return value
                }
            }
            guard Self.wait(descriptor, for: Int16(POLLIN), until: deadline) else {
                throw RedisError(.timeout, "the server did not answer in time")
            }
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                buffer += chunk[0..<count]
                guard buffer.count <= parser.maximumBulkLength + (1 << 20) else {
                    throw RedisError(.connectionLost, "the server's reply is too large")
                }
                continue
            }
            if count < 0, errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK { continue }
            throw RedisError(.connectionLost, "the server closed the connection")
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
