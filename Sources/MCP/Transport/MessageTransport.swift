/// The seam between the protocol session and the byte stream it speaks over: newline-delimited
/// messages in, newline-delimited messages out.
///
/// Implementations: ``StdioTransport`` (a process's stdin and stdout, or any pair of descriptors)
/// and ``InMemoryTransport`` (tests).
package protocol MessageTransport: Sendable {
    /// The incoming lines and input/output state changes, in order. Iterate it once.
    ///
    /// After ``TransportEvent/inputClosed`` no further lines arrive.
    var incoming: IncomingEvents { get }
    /// Asks the transport to hand each incoming line (and each too-long notice) to `handler` on
    /// its reading thread, in order, instead of through ``incoming`` — which then carries only
    /// the input and output state changes. This saves a thread hand-off per message.
    ///
    /// Call it before iterating ``incoming``; it returns `false` when the transport cannot (then
    /// everything arrives through ``incoming``). `handler` must not block for long: the next line
    /// is not read until it returns.
    func deliverLinesDirectly(to handler: @escaping @Sendable (TransportEvent) -> Void) -> Bool

    /// Queues one outgoing message (a complete JSON text without a newline) and returns at once.
    ///
    /// Messages are written whole, in the order they were queued, each followed by `\n`. Once
    /// the output is closed, messages are dropped silently.
    func send(_ line: [UInt8])

    /// Writes everything already queued, then stops the output; returns when done (or when the
    /// output is gone). Nothing sent afterwards is written.
    func finish() async
}

extension MessageTransport {
    /// By default lines arrive through ``incoming``.
    package func deliverLinesDirectly(to handler: @escaping @Sendable (TransportEvent) -> Void) -> Bool {
        false
    }
}
