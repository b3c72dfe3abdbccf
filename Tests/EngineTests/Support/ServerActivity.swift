/// What ``BlockingHTTPServer`` has seen so far.
struct ServerActivity: Sendable {
    /// Every request read, in arrival order.
    var requests: [RecordedRequest] = []
    /// How many connections were accepted.
    var acceptedConnections = 0
    /// How many connections ended (closed by either side).
    var closedConnections = 0
    /// How many requests are being answered right now.
    var inFlight = 0
    /// The largest `inFlight` seen.
    var peakInFlight = 0
}
