import Synchronization

/// A transport held entirely in memory, for tests and embedding: the test plays the client by
/// pushing lines in and reading ``sentLines`` out.
package final class InMemoryTransport: MessageTransport {
    /// The incoming events; see ``MessageTransport/incoming``.
    package let incoming: IncomingEvents
    /// Every message the server sent, in order; finishes when the server calls ``finish()``.
    package let sentLines: AsyncStream<[UInt8]>

    private struct State {
        var outputOpen = true
        var inputOpen = true
    }

    private let state = Mutex(State())
    private let input: AsyncStream<TransportEvent>.Continuation
    private let output: AsyncStream<[UInt8]>.Continuation
    private let observer: LineObserver?

    /// Creates a transport; `observer` sees every line pushed in and sent out.
    package init(observer: LineObserver? = nil) {
        let (incoming, input) = AsyncStream.makeStream(of: TransportEvent.self)
        let (sent, output) = AsyncStream.makeStream(of: [UInt8].self)
        self.incoming = IncomingEvents(incoming)
        self.sentLines = sent
        self.input = input
        self.output = output
        self.observer = observer
    }

    /// Records one message the server sends (dropped after ``breakOutput()`` or ``finish()``).
    package func send(_ line: [UInt8]) {
        state.withLock { state in
            guard state.outputOpen else { return }
            observer?(.outgoing, line)
            output.yield(line)
        }
    }

    /// Ends ``sentLines``.
    package func finish() async {
        state.withLock { $0.outputOpen = false }
        output.finish()
    }

    /// Delivers one line from the client (without a newline).
    package func push(_ line: [UInt8]) {
        let open = state.withLock { $0.inputOpen }
        guard open else { return }
        observer?(.incoming, line)
        input.yield(.line(line))
    }

    /// Delivers one line of text from the client.
    package func push(_ line: String) {
        push(Array(line.utf8))
    }

    /// Reports an over-long line from the client, as a real transport would.
    package func pushTooLongLine(length: Int) {
        input.yield(.lineTooLong(length: length))
    }

    /// Ends the input (EOF): the server finishes in-flight work and returns.
    package func closeInput() {
        state.withLock { $0.inputOpen = false }
        input.yield(.inputClosed)
        input.finish()
    }

    /// Simulates the client no longer reading (EPIPE): later messages are dropped and the server
    /// is told the output is gone.
    package func breakOutput() {
        state.withLock { $0.outputOpen = false }
        input.yield(.outputClosed)
        output.finish()
    }
}
