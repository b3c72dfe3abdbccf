import SystemIO

/// One TCP connection to a Redis server, driven by the client's own thread: a ``TCPStream``
/// (every wait bounded by a deadline) and the replies parsed from what it reads.
///
/// Not thread-safe: only ``RedisClient``'s worker thread touches it.
final class RedisConnection {
    private let stream: TCPStream
    private var buffer: [UInt8] = []
    private let parser = RESPParser()

    private init(stream: TCPStream) {
        self.stream = stream
    }

    /// Connects to `endpoint` before `deadline`.
    static func open(_ endpoint: RedisEndpoint, deadline: ContinuousClock.Instant) throws(RedisError) -> RedisConnection
    {
        do {
            return RedisConnection(
                stream: try TCPStream.connect(host: endpoint.host, port: endpoint.port, deadline: deadline))
        } catch {
            throw RedisError(.unreachable, "cannot connect to \(endpoint): \(error.message)")
        }
    }

    /// Sends every byte before `deadline`.
    func write(_ bytes: [UInt8], deadline: ContinuousClock.Instant) throws(RedisError) {
        do {
            try stream.send(bytes, deadline: deadline)
        } catch {
            switch error.kind {
            case .timeout: throw RedisError(.timeout, "the server did not take the command in time")
            default: throw RedisError(.connectionLost, "the connection broke while sending")
            }
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
            let count: Int
            do {
                count = try stream.receive(into: &chunk, deadline: deadline)
            } catch {
                switch error.kind {
                case .timeout: throw RedisError(.timeout, "the server did not answer in time")
                default: throw RedisError(.connectionLost, "the server closed the connection")
                }
            }
            buffer += chunk[0..<count]
            guard buffer.count <= parser.maximumBulkLength + (1 << 20) else {
                throw RedisError(.connectionLost, "the server's reply is too large")
            }
        }
    }
}
