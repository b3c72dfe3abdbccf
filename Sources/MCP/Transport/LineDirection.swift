/// Which way a protocol line travelled, as reported to a ``LineObserver``.
package enum LineDirection: String, Sendable, Equatable {
    /// A line read from the client.
    case incoming
    /// A line written to the client.
    case outgoing
}

/// Sees every line a transport reads and writes (for `--transcript`), without the newline.
///
/// Called on the transport's own reader and writer threads, in the order lines are read or
/// written; it must not block for long. Over-long input lines are not reported (their bytes were
/// never kept).
package typealias LineObserver = @Sendable (_ direction: LineDirection, _ line: [UInt8]) -> Void
