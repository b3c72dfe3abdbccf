import Synchronization

/// The production ``HTTPTransport``: libcurl's multi interface driven on one dedicated thread.
///
/// All transfers share one multi handle, so connections are kept alive and reused and any number
/// of requests run at once without blocking Swift's cooperative threads. Redirects are never
/// followed, proxy environment variables are ignored, compressed responses are decoded, and
/// cancelling the calling task aborts its transfer at once (closing its connection) and throws
/// ``TransportError/Kind/cancelled``.
package final class CurlTransport: HTTPTransport {
    /// The default limit on a response body: 64 MiB.
    package static let defaultMaxResponseBytes = 64 << 20

    private let loop: CurlMultiLoop
    private let policy: CurlTransferPolicy
    private let lastID = Atomic<UInt64>(0)

    /// Starts a transport and its loop thread.
    ///
    /// - Parameters:
    ///   - maxResponseBytes: the largest response body accepted (after content decoding); a larger
    ///     one fails with ``TransportError/Kind/tooLarge``.
    ///   - maxIdleConnections: how many idle connections are kept open for reuse.
    ///   - proxy: a proxy URL to send every request through, or `nil` for none.
    /// - Throws: ``TransportError/Kind/other`` when libcurl cannot be initialised.
    package init(
        maxResponseBytes: Int = CurlTransport.defaultMaxResponseBytes, maxIdleConnections: Int = 32,
        proxy: String? = nil
    ) throws(TransportError) {
        policy = CurlTransferPolicy(maxResponseBytes: max(maxResponseBytes, 0), proxy: proxy)
        loop = try CurlMultiLoop(maxConnections: maxIdleConnections)
    }

    deinit {
        loop.stop()
    }

    /// Sends one request on the loop thread and suspends until its response has fully arrived.
    package func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse {
        guard !Task.isCancelled else {
            throw TransportError(.cancelled, "the request was cancelled before it was sent")
        }
        let id = lastID.add(1, ordering: .relaxed).newValue
        let transfer = try CurlTransfer(id: id, maxResponseBytes: policy.maxResponseBytes)
        try transfer.configure(for: request, policy: policy)
        let loop = self.loop
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                transfer.attach(continuation)
                loop.submit(transfer)
                // A cancellation that ran its handler before the submit found nothing to abort.
                if Task.isCancelled { loop.cancel(id) }
            }
        } onCancel: {
            loop.cancel(id)
        }
        return try result.get()
    }
}
