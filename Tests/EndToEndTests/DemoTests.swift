import Foundation
import JSON
import TestSupport
import Testing

/// `switchyard demo`: the built binary replays the shipped recorded session offline, without
/// credentials, and walks through each step.
@Suite(.serialized) struct DemoTests {
    private struct Run {
        var status: Int32?
        var output: String
        var error: String
    }

    private func demo(
        _ arguments: [String] = [], environment: [String: String] = [:],
        directory: String = RepositoryLayout.root
    ) throws -> Run {
        let process = try SwitchyardProcess(["demo"] + arguments, environment: environment, directory: directory)
        process.closeInput()
        let status = process.waitForExit(timeout: .seconds(60))
        return Run(status: status, output: process.allLines.joined(separator: "\n"), error: process.standardError)
    }

    @Test("demo exits 0 and walks through tools, a list page, the next page, a 429, a 404 and a validation error")
    func walkThrough() throws {
        let run = try demo()
        #expect(run.status == 0, "\(run.error)")
        #expect(run.error.isEmpty, "\(run.error)")
        let expected = [
            "1. The client connects (initialize)",
            "2. The client asks which tools exist (tools/list)",
            "21 tools generated from github.json", "github_issues_list", "~",
            "A list call returns one page of items", "#142  Retry-After given as an HTTP-date is ignored",
            "next_cursor", "The model passes next_cursor back for the next page", "#135",
            "A rate limit (HTTP 429) absorbed by a retry", "→ 429 (Retry-After: 1)", "full_name: octo-org/harbor",
            "A vendor error the model can act on", "→ 404", #""type":"not_found""#,
            "A mistake caught before any request is sent", "(none: the arguments were checked first)",
            #""type":"invalid_arguments""#, "repo: is required",
            "nothing sent to the network", "Every response matched the recording.",
        ]
        for text in expected { #expect(run.output.contains(text), "missing: \(text)") }
        #expect(run.output.contains("https://api.github.com/repos/octo-org/harbor/issues?"))
    }

    @Test("demo sends nothing to the network and ignores GitHub variables and proxies in the environment")
    func offline() throws {
        let trap = try LoopbackServer { _ in .json(500, #"{"message":"the demo reached the network"}"#) }
        defer { trap.stop() }
        let environment = [
            "GITHUB_API_URL": trap.baseURL, "GITHUB_TOKEN": "ghp_must_not_be_used", "https_proxy": trap.baseURL,
            "HTTPS_PROXY": trap.baseURL, "http_proxy": trap.baseURL, "ALL_PROXY": trap.baseURL,
            "SWITCHYARD_INTEGRATIONS": "/nonexistent",
        ]
        let run = try demo(environment: environment)
        #expect(run.status == 0, "\(run.error)")
        #expect(run.output.contains("base URL https://api.github.com"))
        #expect(run.output.contains("Every response matched the recording."))
        #expect(!run.output.contains(trap.baseURL))
        #expect(!run.output.contains("ghp_must_not_be_used"))
        #expect(trap.requests.isEmpty)
    }

    @Test("demo speaks exactly the recorded JSON-RPC session (its --transcript equals the shipped one)")
    func transcriptMatchesRecording() throws {
        let work = try TemporaryDirectory()
        let run = try demo(["--transcript", work.path + "/demo.jsonl"])
        #expect(run.status == 0, "\(run.error)")
        let produced = try SessionFixture.readTranscript(work.path + "/demo.jsonl")
        let recorded = try SessionFixture.readTranscript(RepositoryLayout.demoSession + "/transcript.jsonl")
        #expect(produced.count == recorded.count)
        for (got, want) in zip(produced, recorded) {
            #expect(got.direction == want.direction)
            #expect(SessionLineComparison.normalized(got) == SessionLineComparison.normalized(want))
        }
    }

    @Test("demo finds the session next to its executable when run elsewhere, or where --integrations points")
    func location() throws {
        let elsewhere = try TemporaryDirectory()
        let fromElsewhere = try demo(directory: elsewhere.path)
        #expect(fromElsewhere.status == 0, "\(fromElsewhere.error)")
        #expect(fromElsewhere.output.contains("Every response matched the recording."))
        for path in [RepositoryLayout.integrations, RepositoryLayout.githubIntegration] {
            let run = try demo(["--integrations", path], directory: elsewhere.path)
            #expect(run.status == 0, "\(path): \(run.error)")
        }
    }

    @Test("demo without a recorded session, or with an option it cannot honour, is a usage error (exit 2)")
    func usageErrors() throws {
        let empty = try TemporaryDirectory()
        for arguments in [
            ["--integrations", empty.path], ["--integrations", "/nonexistent/switchyard"], ["--only", "github"],
            ["--record", empty.path + "/x.jsonl"], ["--read-only"], ["extra"],
        ] {
            let run = try demo(arguments)
            #expect(run.status == 2, "\(arguments)")
            #expect(run.output.isEmpty, "\(arguments)")
            #expect(run.error.split(separator: "\n").count == 1, "\(arguments): \(run.error)")
        }
        let missing = try demo(["--integrations", empty.path])
        #expect(missing.error.contains("demo/cassette.jsonl"))
    }
}
