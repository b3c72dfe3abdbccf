/// The incoming side of a ``MessageTransport``: an asynchronous sequence of ``TransportEvent``s.
///
/// Wraps an `AsyncStream` and tells the transport when each event has been taken, so a
/// transport can stop reading while too much input is waiting (back-pressure on the client).
package struct IncomingEvents: AsyncSequence, Sendable {
    /// The element type.
    package typealias Element = TransportEvent

    private let stream: AsyncStream<TransportEvent>
    private let onConsume: @Sendable (TransportEvent) -> Void
    private let onIterate: @Sendable () -> Void

    /// Creates a sequence over `stream`; `onConsume` runs as each event is handed to the consumer,
    /// `onIterate` when an iterator is made (a transport may start reading only then).
    package init(
        _ stream: AsyncStream<TransportEvent>,
        onConsume: @escaping @Sendable (TransportEvent) -> Void = { _ in },
        onIterate: @escaping @Sendable () -> Void = {}
    ) {
        self.stream = stream
        self.onConsume = onConsume
        self.onIterate = onIterate
    }

    /// Creates an iterator; iterate the sequence once.
    package func makeAsyncIterator() -> AsyncIterator {
        onIterate()
        return AsyncIterator(base: stream.makeAsyncIterator(), onConsume: onConsume)
    }

    /// Iterates the events.
    package struct AsyncIterator: AsyncIteratorProtocol {
        /// The underlying stream's iterator.
        var base: AsyncStream<TransportEvent>.AsyncIterator
        /// Told about each event as it is handed out.
        let onConsume: @Sendable (TransportEvent) -> Void

        /// The next event, or `nil` when the transport is done.
        package mutating func next() async -> TransportEvent? {
            guard let event = await base.next() else { return nil }
            onConsume(event)
            return event
        }
    }
}
