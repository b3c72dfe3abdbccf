/// A caller's W3C Trace Context (`traceparent`, `tracestate`), continued on the vendor requests
/// of one tool call: same trace id and flags, a new span id for each request.
///
/// Values come from the model's client and are checked strictly: a `traceparent` that is not
/// well formed is ignored together with its `tracestate` (as the W3C recommendation says), so
/// nothing the client sends can put arbitrary text into a vendor request's headers.
package struct TraceContext: Sendable, Equatable {
    /// The 32 lowercase hex digits of the trace id (never all zeros).
    package let traceID: String
    /// The trace flags as two lowercase hex digits (`01` = sampled).
    package let flags: String
    /// The vendor-specific trace state, forwarded as received when well formed.
    package let tracestate: String?

    /// Parses a `traceparent` (and an optional `tracestate`); `nil` when `traceparent` is malformed.
    ///
    /// Version `00` must be exactly `00-<32 hex>-<16 hex>-<2 hex>`; a later version may carry more
    /// after a `-`, of which only the first four fields are read. Version `ff`, upper-case hex and
    /// all-zero ids are refused. A `tracestate` longer than 512 bytes or holding anything but
    /// printable ASCII is dropped.
    package init?(traceparent: String, tracestate: String? = nil) {
        let bytes = Array(traceparent.utf8)
        guard bytes.count >= 55 else { return nil }
        let version = String(decoding: bytes[0..<2], as: UTF8.self)
        guard Self.isHex(bytes[0..<2]), version != "ff" else { return nil }
        guard version == "00" ? bytes.count == 55 : (bytes.count == 55 || bytes[55] == UInt8(ascii: "-")) else {
            return nil
        }
        guard bytes[2] == UInt8(ascii: "-"), bytes[35] == UInt8(ascii: "-"), bytes[52] == UInt8(ascii: "-") else {
            return nil
        }
        let trace = bytes[3..<35]
        let parent = bytes[36..<52]
        let flags = bytes[53..<55]
        guard Self.isHex(trace), Self.isHex(parent), Self.isHex(flags),
            trace.contains(where: { $0 != UInt8(ascii: "0") }), parent.contains(where: { $0 != UInt8(ascii: "0") })
        else { return nil }
        traceID = String(decoding: trace, as: UTF8.self)
        self.flags = String(decoding: flags, as: UTF8.self)
        if let tracestate, !tracestate.isEmpty, tracestate.utf8.count <= 512,
            tracestate.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F })
        {
            self.tracestate = tracestate
        } else {
            self.tracestate = nil
        }
    }

    /// The `traceparent` header of one vendor request: version `00`, this trace, span `span`.
    package func traceparent(span: String) -> String {
        "00-\(traceID)-\(span)-\(flags)"
    }

    /// A fresh random span id: 16 lowercase hex digits, never all zeros.
    package static func newSpanID() -> String {
        var generator = SystemRandomNumberGenerator()
        let value = UInt64.random(in: 1...UInt64.max, using: &generator)
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    private static func isHex(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}
