/// What replaying a recorded session against the binary showed.
package struct SessionReplayReport: Sendable {
    /// Every difference: a line that differs, is missing or is extra, described for the test log.
    package var mismatches: [String] = []
    /// How many server lines were compared.
    package var linesCompared = 0
    /// How many client lines were sent.
    package var linesSent = 0
    /// The exit status, or `nil` when the process had to be killed.
    package var exitStatus: Int32?
    /// The server's standard error.
    package var standardError = ""

    /// Creates an empty report.
    package init() {}
}
