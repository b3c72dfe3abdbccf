import FoundationEssentials
import Synchronization
import SystemIO

/// Newline-delimited messages over a pair of file descriptors: by default the process's stdin
/// and stdout.
///
/// Input is read with blocking `read(2)` on a dedicated thread (no polling), started when the
/// session first iterates ``incoming`` or asks for direct delivery, split into lines (a `\r`
/// before the `\n` is dropped) and handed over as ``TransportEvent``s — through ``incoming``, or
/// straight to the session's handler on the reading thread (``deliverLinesDirectly(to:)``); a line longer than
/// ``maximumLineLength`` is reported as one ``TransportEvent/lineTooLong(length:)`` and skipped
/// without being buffered. Output is written by one ``LineWriter`` thread, each message whole
/// followed by `\n`. A write failure such as `EPIPE` (the client stopped reading) is reported as
/// ``TransportEvent/outputClosed``; `SIGPIPE` is ignored process-wide so it cannot kill the
/// process. The descriptors are never closed by the transport.
package final class StdioTransport: MessageTransport {
    /// The default longest accepted line: 16 MiB.
    package static let defaultMaximumLineLength = 16 << 20

    /// The longest accepted line in bytes (excluding the newline).
    package let maximumLineLength: Int
    /// The incoming events; see ``MessageTransport/incoming``.
    package let incoming: IncomingEvents

    private let writer: LineWriter
    private let continuation: AsyncStream<TransportEvent>.Continuation
    private let budget: ReadBudget
    /// Starts the reader thread, once.
    private let launch: ReaderLaunch

    /// Creates the transport; reading starts when ``incoming`` is first iterated or direct
    /// delivery is asked for.
    ///
    /// - Parameters:
    ///   - input: the descriptor read from (default stdin).
    ///   - output: the descriptor written to (default stdout).
    ///   - maximumLineLength: the longest line kept, in bytes (default 16 MiB).
    ///   - observer: sees every line read and written (for transcripts).
    package init(
        input: Int32 = FileDescriptor.standardInput, output: Int32 = FileDescriptor.standardOutput,
        maximumLineLength: Int = StdioTransport.defaultMaximumLineLength, observer: LineObserver? = nil
    ) {
        ProcessSignals.ignoreBrokenPipe()
        self.maximumLineLength = max(1, maximumLineLength)
        let (stream, continuation) = AsyncStream.makeStream(of: TransportEvent.self)
        let budget = ReadBudget(limit: max(2 * self.maximumLineLength, 4 << 20))
        self.continuation = continuation
        self.budget = budget
        let launch = ReaderLaunch()
        self.launch = launch
        self.incoming = IncomingEvents(
            stream, onConsume: { event in budget.refund(ReadBudget.cost(of: event)) },
            onIterate: { launch.start(direct: nil) })
        var written: (@Sendable ([UInt8]) -> Void)?
        if let observer { written = { line in observer(.outgoing, line) } }
        self.writer = LineWriter(descriptor: output, observer: written) { _ in
            continuation.yield(.outputClosed)
        }
        launch.prepare(
            InputReader(
                descriptor: input, maximumLineLength: self.maximumLineLength, observer: observer,
                continuation: continuation, budget: budget, direct: nil))
    }

    /// Starts reading with lines handed to `handler` on the reading thread; `false` when reading
    /// had already started (lines then keep arriving through ``incoming``).
    package func deliverLinesDirectly(to handler: @escaping @Sendable (TransportEvent) -> Void) -> Bool {
        launch.start(direct: handler)
    }

    /// Queues one message for the writer thread.
    package func send(_ line: [UInt8]) {
        writer.enqueue(line)
    }

    /// Writes what is queued, stops the writer thread and ends the incoming events.
    package func finish() async {
        await writer.finish()
        continuation.finish()
        budget.cancel()
    }
}

/// Holds the reader of a ``StdioTransport`` until its thread is started, which happens once.
private final class ReaderLaunch: Sendable {
    private let pending = Mutex<InputReader?>(nil)

    /// Keeps the reader to start later.
    func prepare(_ reader: InputReader) {
        pending.withLock { $0 = reader }
    }

    /// Starts the reader thread unless it was started before; returns whether this call did.
    @discardableResult
    func start(direct: (@Sendable (TransportEvent) -> Void)?) -> Bool {
        let taken = pending.withLock { reader -> InputReader? in
            defer { reader = nil }
            return reader
        }
        guard var reader = taken else { return false }
        reader.direct = direct
        let started = reader
        do {
            try DetachedThread.start(name: "switchyard.reader.fd\(started.descriptor)") { started.run() }
        } catch {
            // Nothing can be read without the thread: the session sees the input end and winds down.
            started.continuation.yield(.inputClosed)
        }
        return true
    }
}

/// The reading half of ``StdioTransport``: runs on its own thread until EOF, a read error, or
/// until nobody consumes the events any more.
private struct InputReader: Sendable {
    let descriptor: Int32
    let maximumLineLength: Int
    let observer: LineObserver?
    let continuation: AsyncStream<TransportEvent>.Continuation
    let budget: ReadBudget
    /// When set, lines and too-long notices go here instead of into the stream.
    var direct: (@Sendable (TransportEvent) -> Void)?

    func run() {
        var splitter = LineSplitter(maximumLineLength: maximumLineLength)
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        var open = true
        while open {
            let count = FileDescriptor.read(descriptor, into: &chunk)
            guard count > 0 else { break }
            chunk.withUnsafeBufferPointer { buffer in
                splitter.feed(UnsafeBufferPointer(rebasing: buffer[..<count])) { piece in
                    if open { open = deliver(piece) }
                }
            }
        }
        if open {
            splitter.finish { piece in _ = deliver(piece) }
        }
        continuation.yield(.inputClosed)
    }

    /// Hands one piece over; `false` when the consumer has gone.
    private func deliver(_ piece: LineSplitter.Piece) -> Bool {
        let event: TransportEvent
        switch piece {
        case .line(let bytes):
            observer?(.incoming, bytes)
            event = .line(bytes)
        case .tooLong(let length):
            event = .lineTooLong(length: length)
        }
        if let direct {
            direct(event)
            return true
        }
        if case .terminated = continuation.yield(event) { return false }
        return budget.spend(ReadBudget.cost(of: event))
    }
}
