import Foundation

/// Replays a recorded session against the built binary: `serve --integrations … --replay
/// cassette.jsonl --state-dir <fresh>` plus the fixture's arguments and environment (and no
/// credentials); feeds the transcript's client lines one at a time, reads as many server lines
/// as followed each in the recording, and compares every one exactly (see
/// ``SessionLineComparison``).
public struct SessionReplay: Sendable {
    /// The session to replay.
    public var fixture: SessionFixture
    /// How long to wait for each server line.
    public var lineTimeout: Duration

    /// Creates a replay of `fixture`.
    public init(_ fixture: SessionFixture, lineTimeout: Duration = .seconds(60)) {
        self.fixture = fixture
        self.lineTimeout = lineTimeout
    }

    /// The `serve` arguments of the replay.
    public func arguments(stateDirectory: String) -> [String] {
        [
            "serve", "--integrations", fixture.integrationsPath, "--replay", fixture.cassettePath, "--state-dir",
            stateDirectory,
        ] + fixture.arguments
    }

    /// Runs the replay to the end and reports every difference.
    public func run() throws -> SessionReplayReport {
        let state = try TemporaryDirectory()
        let process = try SwitchyardProcess(arguments(stateDirectory: state.path), environment: fixture.environment)
        defer { process.terminate() }
        var report = SessionReplayReport()
        for (step, exchange) in try fixture.exchanges().enumerated() {
            process.send(exchange.input.wireText)
            report.linesSent += 1
            for (index, expected) in exchange.outputs.enumerated() {
                let want = SessionLineComparison.normalized(expected)
                guard let line = process.nextLine(timeout: lineTimeout) else {
                    report.mismatches.append(
                        "step \(step + 1), line \(index + 1): no line within \(lineTimeout); expected \(want.prefix(300))"
                    )
                    break
                }
                report.linesCompared += 1
                let got = SessionLineComparison.normalized(line)
                if got != want {
                    report.mismatches.append(
                        "step \(step + 1) (\(exchange.input.wireText.prefix(120))), line \(index + 1):\n"
                            + "  recorded: \(want)\n  replayed: \(got)")
                }
            }
        }
        process.closeInput()
        report.exitStatus = process.waitForExit(timeout: lineTimeout)
        while let extra = process.nextLine(timeout: .seconds(1)) {
            report.mismatches.append("an extra line after the recorded session: \(extra.prefix(300))")
        }
        report.standardError = process.standardError
        return report
    }
}
