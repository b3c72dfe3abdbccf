/// One thing that happened on the input side of a ``MessageTransport``.
package enum TransportEvent: Sendable, Equatable {
    /// One complete line, without its `\n` (and without a `\r` before it). Not checked for UTF-8.
    case line([UInt8])
    /// A line longer than the transport's maximum arrived; its bytes were discarded up to the next
    /// newline without being buffered. `length` counts the bytes seen (excluding the newline).
    case lineTooLong(length: Int)
    /// The input ended (EOF or a read error): no more lines will arrive.
    case inputClosed
    /// The peer stopped reading the output (EPIPE): nothing sent from now on can be delivered.
    case outputClosed
}
