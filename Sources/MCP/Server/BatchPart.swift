/// One entry of a batch answer being assembled.
enum BatchPart: Sendable {
    /// An answer known at once (an invalid entry).
    case ready([UInt8])
    /// A request being served; its task yields the response, or `nil` when it was cancelled.
    case pending(Task<[UInt8]?, Never>)
}
