import CCurlShims
import Catalog
import FoundationEssentials
import Synchronization
import SystemIO

/// Runs libcurl's multi interface on one dedicated thread: many transfers at once over a shared
/// connection cache, each started, aborted or finished only on that thread.
///
/// Other threads talk to the loop through a mutex-protected inbox (transfers to start, ids to
/// abort, a stop flag) and wake it with `curl_multi_wakeup` once they have let go of the inbox,
/// so the woken loop never finds it still locked. The multi handle is cleaned up only when the
/// loop object goes away — after its thread has ended and no caller holds it — so a wakeup can
/// never race with the cleanup.
final class CurlMultiLoop: Sendable {
    private struct Inbox {
        var queued: [CurlTransfer] = []
        var cancelled: [UInt64] = []
        var stopping = false
    }

    /// The multi handle (`CURLM *`). `@unchecked Sendable`: libcurl allows `curl_multi_wakeup`
    /// from any thread; every other use is on the loop thread, and cleanup is in `deinit`.
    private struct MultiHandle: @unchecked Sendable {
        let pointer: UnsafeMutableRawPointer
    }

    private let inbox = Mutex(Inbox())
    private let multi: MultiHandle

    /// How long one `curl_multi_poll` may wait, in milliseconds, when neither libcurl's timers
    /// nor a wakeup end it sooner.
    private static let pollTimeoutMilliseconds: Int32 = 1000

    /// Creates the multi handle and starts the loop thread.
    ///
    /// - Parameter maxConnections: how many idle connections the shared cache keeps open.
    init(maxConnections: Int) throws(TransportError) {
        let global = ccurl_global_init()
        guard global == CURLE_OK else { throw TransportError(curlCode: global, detail: "curl_global_init failed") }
        guard let multi = ccurl_multi_init() else {
            throw TransportError(.other, "libcurl could not create a multi handle")
        }
        _ = ccurl_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, max(maxConnections, 1))
        self.multi = MultiHandle(pointer: multi)
        do {
            try DetachedThread.start(name: "switchyard.curl") { [self] in run() }
        } catch {
            throw TransportError(.other, "libcurl's loop could not run: \(error)")
        }
    }

    /// Hands a configured transfer to the loop; it finishes with an error at once if the loop has stopped.
    func submit(_ transfer: CurlTransfer) {
        let accepted = inbox.withLock { inbox in
            guard !inbox.stopping else { return false }
            inbox.queued.append(transfer)
            return true
        }
        if accepted {
            _ = ccurl_multi_wakeup(multi.pointer)
        } else {
            transfer.finish(.failure(TransportError(.other, "the HTTP transport has shut down")))
        }
    }

    /// Aborts a transfer: at once if the loop has not picked it up yet, otherwise on the loop
    /// thread as soon as the wakeup reaches it. Ids of finished or unknown transfers are ignored.
    func cancel(_ id: UInt64) {
        let dequeued: CurlTransfer? = inbox.withLock { inbox in
            if let index = inbox.queued.firstIndex(where: { $0.id == id }) {
                return inbox.queued.remove(at: index)
            }
            inbox.cancelled.append(id)
            return nil
        }
        if let dequeued {
            dequeued.finish(.failure(Self.cancelledError))
        } else {
            _ = ccurl_multi_wakeup(multi.pointer)
        }
    }

    /// Asks the loop to abort what is left and stop; returns without waiting for it.
    func stop() {
        inbox.withLock { $0.stopping = true }
        _ = ccurl_multi_wakeup(multi.pointer)
    }

    private static let cancelledError = TransportError(.cancelled, "the request was cancelled")

    /// The loop thread's body: start, abort and finish transfers until stopped, then clean up.
    private func run() {
        let multi = self.multi.pointer
        var active: [UInt64: CurlTransfer] = [:]
        var unstarted: [CurlTransfer] = []
        var failure: TransportError?
        while failure == nil {
            let (incoming, cancelled, stopping) = inbox.withLock { inbox in
                defer {
                    inbox.queued.removeAll()
                    inbox.cancelled.removeAll()
                }
                return (inbox.queued, inbox.cancelled, inbox.stopping)
            }
            for id in cancelled {
                guard let transfer = active.removeValue(forKey: id) else { continue }
                _ = ccurl_multi_remove_handle(multi, transfer.handle)
                transfer.finish(.failure(Self.cancelledError))
            }
            if stopping {
                unstarted = incoming
                break
            }
            for transfer in incoming {
                let added = ccurl_multi_add_handle(multi, transfer.handle)
                guard added == CURLM_OK else {
                    transfer.finish(.failure(Self.multiError(added, "could not start a transfer")))
                    continue
                }
                active[transfer.id] = transfer
            }
            var running: Int32 = 0
            let performed = ccurl_multi_perform(multi, &running)
            finishCompleted(multi: multi, active: &active)
            var ready: Int32 = 0
            let polled =
                performed == CURLM_OK ? ccurl_multi_poll(multi, Self.pollTimeoutMilliseconds, &ready) : performed
            if polled != CURLM_OK {
                // A failing multi handle does not recover: stop taking work and fail what is left.
                failure = Self.multiError(polled, "failed")
            }
        }
        let leftover = inbox.withLock { inbox in
            inbox.stopping = true
            defer { inbox.queued.removeAll() }
            return inbox.queued
        }
        let error = failure ?? TransportError(.cancelled, "the HTTP transport has shut down")
        for transfer in active.values {
            _ = ccurl_multi_remove_handle(multi, transfer.handle)
            transfer.finish(.failure(error))
        }
        (unstarted + leftover).forEach { $0.finish(.failure(error)) }
    }

    deinit {
        _ = ccurl_multi_cleanup(multi.pointer)
    }

    /// Detaches every transfer libcurl reports as done and resumes its caller with the outcome.
    private func finishCompleted(multi: UnsafeMutableRawPointer, active: inout [UInt64: CurlTransfer]) {
        var handle: UnsafeMutableRawPointer?
        var code = CURLE_OK
        while ccurl_multi_info_read_done(multi, &handle, &code) == 1 {
            guard let handle else { continue }
            var context: UnsafeMutableRawPointer?
            guard ccurl_easy_getinfo_pointer(handle, CURLINFO_PRIVATE, &context) == CURLE_OK, let context,
                let transfer = active.removeValue(forKey: CurlTransfer.from(context: context).id)
            else { continue }
            _ = ccurl_multi_remove_handle(multi, handle)
            transfer.finish(transfer.outcome(of: code))
        }
    }

    private static func multiError(_ code: CURLMcode, _ what: String) -> TransportError {
        let reason = ccurl_multi_strerror(code).map { String(cString: $0) } ?? "multi error \(code.rawValue)"
        return TransportError(.other, "libcurl \(what): \(reason)")
    }
}
