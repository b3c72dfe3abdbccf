/// What replaying a recorded session against the binary showed.
public struct SessionReplayReport: Sendable {
    /// Every difference: a line that differs, is missing or is extra, described for the test log.
    public var mismatches: [String] = []
    /// How many server lines were compared.
    public var linesCompared = 0
    /// How many client lines were sent.
    public var linesSent = 0
    /// The exit status, or `nil` when the process had to be killed.
    public var exitStatus: Int32?
    /// The server's standard error.
    public var standardError = ""

    /// Creates an empty report.
    public init() {}
}
