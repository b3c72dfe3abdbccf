import Engine
import FoundationEssentials
import Synchronization

/// Wraps the replaying transport and keeps a log of every exchange, so the demo can show the HTTP
/// side of each tool call (statuses, `Retry-After`, retries) next to what the model sees.
final class ObservedTransport: HTTPTransport {
    /// One exchange as the demo shows it.
    struct Exchange: Sendable {
        /// The method sent.
        var method: String
        /// The URL sent.
        var url: String
        /// The status received, or `nil` when the transport failed (a replay miss).
        var status: Int?
        /// The `Retry-After` header, when the vendor sent one.
        var retryAfter: String?
    }

    private let inner: any HTTPTransport
    private let log = Mutex<[Exchange]>([])
    private let total = Mutex(0)

    /// Wraps `inner`; every exchange through it is logged.
    init(wrapping inner: any HTTPTransport) {
        self.inner = inner
    }

    /// Sends through the wrapped transport and logs the exchange.
    func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse {
        var exchange = Exchange(method: request.method, url: request.url)
        defer {
            let entry = exchange
            log.withLock { $0.append(entry) }
            total.withLock { $0 += 1 }
        }
        let response = try await inner.send(request)
        exchange.status = response.status
        exchange.retryAfter = response.headers["Retry-After"]
        return response
    }

    /// The exchanges since the last call, in order.
    func drain() -> [Exchange] {
        log.withLock { entries in
            defer { entries.removeAll() }
            return entries
        }
    }

    /// How many exchanges were sent in all.
    var count: Int { total.withLock { $0 } }
}
