import Catalog
import Dispatch
import FoundationEssentials
import Glibc
import Synchronization

/// Writes newline-terminated lines to a file descriptor from one dedicated thread, so callers
/// never block and lines never interleave.
///
/// Callers queue lines; the thread takes everything queued, writes it with a `write(2)` loop
/// (partial writes and `EINTR` handled), and sleeps on a semaphore when the queue is empty. The
/// first write error (typically `EPIPE`: the reader went away) closes the writer for good: the
/// queue is dropped, `onFailure` runs once, and later lines are dropped.
public final class LineWriter: Sendable {
    private struct State {
        var queue: [[UInt8]] = []
        var queuedBytes = 0
        var writing = false
        var failed = false
        var stopping = false
        var idleWaiters: [CheckedContinuation<Void, Never>] = []
    }

    private let descriptor: Int32
    private let maximumQueuedBytes: Int?
    private let observer: (@Sendable ([UInt8]) -> Void)?
    private let onFailure: @Sendable (_ errno: Int32) -> Void
    private let state = Mutex(State())
    private let wakeUp = DispatchSemaphore(value: 0)

    /// Creates a writer and starts its thread.
    ///
    /// - Parameters:
    ///   - descriptor: the file descriptor written to; not closed by the writer.
    ///   - maximumQueuedBytes: when set, a line that would grow the queue past it is dropped
    ///     (used for logs, which must never pile up); `nil` queues without limit.
    ///   - observer: sees each line as it is written.
    ///   - onFailure: runs once, on the writer thread, when a write fails.
    public init(
        descriptor: Int32, maximumQueuedBytes: Int? = nil, observer: (@Sendable ([UInt8]) -> Void)? = nil,
        onFailure: @escaping @Sendable (_ errno: Int32) -> Void = { _ in }
    ) {
        self.descriptor = descriptor
        self.maximumQueuedBytes = maximumQueuedBytes
        self.observer = observer
        self.onFailure = onFailure
        DetachedThread.start(name: "switchyard.writer.fd\(descriptor)") { [self] in self.loop() }
    }

    /// Queues one line (without its newline); returns `false` when it was dropped.
    @discardableResult
    public func enqueue(_ line: [UInt8]) -> Bool {
        let accepted = state.withLock { state -> Bool in
            guard !state.failed, !state.stopping else { return false }
            if let limit = maximumQueuedBytes, state.queuedBytes + line.count > limit { return false }
            state.queue.append(line)
            state.queuedBytes += line.count
            return true
        }
        if accepted { wakeUp.signal() }
        return accepted
    }

    /// Returns once every line queued before the call has been written (or dropped by a failure).
    public func drain() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let idle = state.withLock { state -> Bool in
                if state.failed || (state.queue.isEmpty && !state.writing) { return true }
                state.idleWaiters.append(continuation)
                return false
            }
            if idle { continuation.resume() }
        }
    }

    /// Writes what is queued, then ends the thread; later lines are dropped.
    public func finish() async {
        state.withLock { $0.stopping = true }
        wakeUp.signal()
        await drain()
    }

    private func loop() {
        while true {
            wakeUp.wait()
            let batch = state.withLock { state -> [[UInt8]] in
                let batch = state.queue
                state.queue = []
                state.writing = !batch.isEmpty
                return batch
            }
            if !batch.isEmpty { writeBatch(batch) }
            let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
                state.writing = false
                guard state.queue.isEmpty || state.failed else { return [] }
                defer { state.idleWaiters = [] }
                return state.idleWaiters
            }
            for waiter in waiters { waiter.resume() }
            let done = state.withLock { $0.failed || ($0.stopping && $0.queue.isEmpty) }
            if done { return }
        }
    }

    private func writeBatch(_ batch: [[UInt8]]) {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(batch.reduce(0) { $0 + $1.count + 1 })
        for line in batch {
            buffer.append(contentsOf: line)
            buffer.append(0x0A)
        }
        // The observer sees each line before the client can, so a transcript is never behind.
        if let observer { for line in batch { observer(line) } }
        let error = buffer.withUnsafeBytes { writeAll($0) }
        if let error {
            state.withLock { state in
                state.failed = true
                state.queue = []
                state.queuedBytes = 0
            }
            onFailure(error)
            return
        }
        state.withLock { $0.queuedBytes -= buffer.count - batch.count }
    }

    /// Writes all bytes; returns the `errno` of a failure, `nil` on success.
    private func writeAll(_ bytes: UnsafeRawBufferPointer) -> Int32? {
        guard let base = bytes.baseAddress else { return nil }
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, base + offset, bytes.count - offset)
            if written >= 0 {
                offset += written
                continue
            }
            let code = errno
            if code == EINTR { continue }
            if code == EAGAIN || code == EWOULDBLOCK {
                // A non-blocking descriptor: wait on this thread until it is writable.
                var request = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                _ = poll(&request, 1, -1)
                continue
            }
            return code
        }
        return nil
    }
}
