/// The W3C trace context a request carried in `_meta` (`traceparent`, `tracestate`), as the client
/// sent it: unchecked text for the host to validate before it continues the trace.
package struct RequestTrace: Sendable, Equatable {
    /// `_meta.traceparent`.
    package var traceparent: String
    /// `_meta.tracestate`, when present as a string.
    package var tracestate: String?

    /// Creates a trace context from its two headers.
    package init(traceparent: String, tracestate: String? = nil) {
        self.traceparent = traceparent
        self.tracestate = tracestate
    }
}
