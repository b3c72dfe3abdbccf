import Foundation
import JSON

/// Replays a recorded session against the built binary: `serve --integrations … --replay
/// cassette.jsonl --state-dir <fresh>` plus the fixture's arguments and environment (and no
/// credentials); feeds the transcript's client lines one at a time, reads as many server lines
/// as followed each in the recording, and compares every one exactly (see
/// ``SessionLineComparison``).
package struct SessionReplay: Sendable {
    /// The session to replay.
    package var fixture: SessionFixture
    /// How long to wait for each server line.
    package var lineTimeout: Duration

    /// Creates a replay of `fixture`.
    package init(_ fixture: SessionFixture, lineTimeout: Duration = .seconds(60)) {
        self.fixture = fixture
        self.lineTimeout = lineTimeout
    }

    /// The `serve` arguments of the replay.
    package func arguments(stateDirectory: String) -> [String] {
        [
            "serve", "--integrations", fixture.integrationsPath, "--replay", fixture.cassettePath, "--state-dir",
            stateDirectory,
        ] + fixture.arguments
    }

    /// Whether two runs of lines differ only in the order in which answers to *different*
    /// requests arrived — possible when a client sent several requests before reading the answers
    /// (a piped script), since requests are served concurrently. Each request's own lines
    /// (progress, then its response) must still come in the recorded order.
    package static func concurrentAnswers(_ got: [String], _ want: [String]) -> Bool {
        guard got.count == want.count, got.sorted() == want.sorted() else { return false }
        func byRequest(_ lines: [String]) -> [String: [String]] {
            Dictionary(grouping: lines) { line in
                let message = try? JSONParser.parse(line)
                return (message?["id"] ?? message?["params"]?["progressToken"])?.encoded() ?? ""
            }
        }
        return byRequest(got) == byRequest(want)
    }

    /// Runs the replay to the end and reports every difference.
    package func run() throws -> SessionReplayReport {
        let state = try TemporaryDirectory()
        let process = try SwitchyardProcess(arguments(stateDirectory: state.path), environment: fixture.environment)
        defer { process.terminate() }
        var report = SessionReplayReport()
        for (step, exchange) in try fixture.exchanges().enumerated() {
            process.send(exchange.input.wireText)
            report.linesSent += 1
            let want = exchange.outputs.map(SessionLineComparison.normalized)
            var got: [String] = []
            for index in want.indices {
                guard let line = process.nextLine(timeout: lineTimeout) else {
                    report.mismatches.append(
                        "step \(step + 1), line \(index + 1): no line within \(lineTimeout); expected "
                            + want[index].prefix(300))
                    break
                }
                got.append(SessionLineComparison.normalized(line))
            }
            report.linesCompared += got.count
            guard got != want, !Self.concurrentAnswers(got, want) else { continue }
            for (index, (replayed, recorded)) in zip(got, want).enumerated() where replayed != recorded {
                report.mismatches.append(
                    "step \(step + 1) (\(exchange.input.wireText.prefix(120))), line \(index + 1):\n"
                        + "  recorded: \(recorded)\n  replayed: \(replayed)")
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
