/// What a tool call may use of the request that carried it.
public struct ToolCallContext: Sendable {
    /// Reports progress (items so far, expected total) when the client asked for it; `nil` otherwise.
    /// The session sends each report as `notifications/progress` before the response.
    public var progress: (@Sendable (_ progress: Double, _ total: Double?) async -> Void)?
    /// The protocol revision the request is answered under (`describe_tools` renders definitions
    /// for it); `nil` when unknown, read as the newest legacy revision.
    public var revision: ProtocolRevision?

    /// Creates a context.
    public init(
        progress: (@Sendable (_ progress: Double, _ total: Double?) async -> Void)? = nil,
        revision: ProtocolRevision? = nil
    ) {
        self.progress = progress
        self.revision = revision
    }
}
