/// How one request is to be served, decided when it is read.
enum Route: Sendable {
    /// Under a legacy revision (the negotiated one, else the newest).
    case legacy(ProtocolRevision)
    /// Statelessly, under a modern revision whose `_meta` checked out.
    case modern(ProtocolRevision)
    /// Not at all: answer this error (a modern request with missing or unsupported `_meta`).
    case rejected(RPCError)
}
