import Dispatch
import FoundationEssentials
import Glibc
import Synchronization

/// Writes newline-terminated lines to a file descriptor without ever blocking the caller, and
/// without lines interleaving.
///
/// Callers queue lines; a dedicated thread takes everything queued, writes it with a `write(2)`
/// loop (partial writes and `EINTR` handled), and sleeps on a semaphore when the queue is empty.
/// One shortcut saves that thread hop on the hot path: when the descriptor is a pipe, nothing is
/// queued or being written, the line (with its newline) is at most `PIPE_BUF` bytes and `poll(2)`
/// reports the pipe writable — a free pipe buffer, so the write cannot block — the caller writes
/// the line itself. The first write error (typically `EPIPE`: the reader went away) closes the
/// writer for good: the queue is dropped, `onFailure` runs once, and later lines are dropped.
package final class LineWriter: Sendable {
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
    /// Whether short lines may be written by the caller (a pipe, and no observer to call).
    private let writesInline: Bool

    /// Creates a writer and starts its thread. When the system refuses the thread, the writer is
    /// closed from the start, as after a write failure: `onFailure` runs (with `EAGAIN`) before
    /// `init` returns, and every line is dropped.
    ///
    /// - Parameters:
    ///   - descriptor: the file descriptor written to; not closed by the writer.
    ///   - maximumQueuedBytes: when set, a line that would grow the queue past it is dropped
    ///     (used for logs, which must never pile up); `nil` queues without limit.
    ///   - observer: sees each line as it is written.
    ///   - onFailure: runs once, on the thread whose write failed, when a write fails.
    package init(
        descriptor: Int32, maximumQueuedBytes: Int? = nil, observer: (@Sendable ([UInt8]) -> Void)? = nil,
        onFailure: @escaping @Sendable (_ errno: Int32) -> Void = { _ in }
    ) {
        self.descriptor = descriptor
        self.maximumQueuedBytes = maximumQueuedBytes
        self.observer = observer
        self.onFailure = onFailure
        var status = stat()
        writesInline = observer == nil && fstat(descriptor, &status) == 0 && (status.st_mode & S_IFMT) == S_IFIFO
        do {
            try DetachedThread.start(name: "switchyard.writer.fd\(descriptor)") { [self] in self.loop() }
        } catch {
            state.withLock { $0.failed = true }
            onFailure(EAGAIN)
        }
    }

    /// Queues one line (without its newline), or writes it at once when that cannot block;
    /// returns `false` when it was dropped.
    @discardableResult
    package func enqueue(_ line: [UInt8]) -> Bool {
        let decision = state.withLock { state -> Decision in
            guard !state.failed, !state.stopping else { return .dropped }
            if writesInline, state.queue.isEmpty, !state.writing, line.count < PIPE_BUF, pipeHasRoom() {
                state.writing = true
                return .inline
            }
            if let limit = maximumQueuedBytes, state.queuedBytes + line.count > limit { return .dropped }
            state.queue.append(line)
            state.queuedBytes += line.count
            return .queued
        }
        switch decision {
        case .dropped:
            return false
        case .queued:
            wakeUp.signal()
            return true
        case .inline:
            write([line])
            // Lines queued meanwhile were left to the thread while `writing` was set: wake it for
            // them, and when it must end (a failure, or finish() was called meanwhile).
            if finishWriting() { wakeUp.signal() }
            return true
        }
    }

    /// Lines at least this long are written without being copied next to their newline.
    private static let copyLimit = 64 << 10
    private static let newline: [UInt8] = [0x0A]

    private enum Decision {
        case dropped, queued, inline
    }

    /// Whether the pipe has a free buffer, so a write of at most `PIPE_BUF` bytes cannot block.
    private func pipeHasRoom() -> Bool {
        var request = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
        return poll(&request, 1, 0) == 1 && request.revents & Int16(POLLOUT) != 0
            && request.revents & Int16(POLLERR | POLLHUP) == 0
    }

    /// Ends a write of `bytes` queued bytes: clears `writing`, resumes drain waiters when nothing
    /// is left, and says whether the thread has something to do (lines queued, or it must end).
    private func finishWriting(dequeued bytes: Int = 0) -> Bool {
        let (waiters, wake) = state.withLock { state -> ([CheckedContinuation<Void, Never>], Bool) in
            state.writing = false
            if !state.failed { state.queuedBytes -= bytes }
            let wake = !state.queue.isEmpty || state.failed || state.stopping
            guard state.queue.isEmpty || state.failed else { return ([], wake) }
            defer { state.idleWaiters = [] }
            return (state.idleWaiters, wake)
        }
        for waiter in waiters { waiter.resume() }
        return wake
    }

    /// Returns once every line queued before the call has been written (or dropped by a failure).
    package func drain() async {
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
    package func finish() async {
        state.withLock { $0.stopping = true }
        wakeUp.signal()
        await drain()
    }

    private func loop() {
        while true {
            wakeUp.wait()
            let batch = state.withLock { state -> [[UInt8]]? in
                // A caller writing inline signals again when it is done.
                guard !state.writing else { return nil }
                let batch = state.queue
                state.queue = []
                state.writing = true
                return batch
            }
            if let batch {
                if !batch.isEmpty { write(batch) }
                _ = finishWriting(dequeued: batch.reduce(0) { $0 + $1.count })
            }
            let done = state.withLock { !$0.writing && ($0.failed || ($0.stopping && $0.queue.isEmpty)) }
            if done { return }
        }
    }

    private func write(_ batch: [[UInt8]]) {
        // The observer sees each line before the client can, so a transcript is never behind.
        if let observer { for line in batch { observer(line) } }
        let error: Int32?
        if batch.count == 1, let line = batch.first, line.count >= Self.copyLimit {
            // A large line (a long list result) is written where it lies, its newline after it:
            // copying megabytes to append one byte costs more than the extra system call.
            error = line.withUnsafeBytes { writeAll($0) } ?? Self.newline.withUnsafeBytes { writeAll($0) }
        } else {
            var buffer: [UInt8] = []
            buffer.reserveCapacity(batch.reduce(0) { $0 + $1.count + 1 })
            for line in batch {
                buffer.append(contentsOf: line)
                buffer.append(0x0A)
            }
            error = buffer.withUnsafeBytes { writeAll($0) }
        }
        if let error {
            state.withLock { state in
                state.failed = true
                state.queue = []
                state.queuedBytes = 0
            }
            onFailure(error)
        }
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
