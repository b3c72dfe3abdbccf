import Foundation
import JSON
import TestSupport
import Testing

/// Replays every recorded session (`Tests/Fixtures/sessions/*` and the demo's
/// `Integrations/demo`) against the built binary with `--replay`, without network or
/// credentials, and compares every server line with the recorded one.
@Suite(.serialized) struct SessionReplayTests {
    /// The recorded sessions, as paths relative to the repository root.
    static let sessions: [String] =
        SessionFixture.names(in: RepositoryLayout.sessionFixtures).map { "Tests/Fixtures/sessions/" + $0 }
        + ["Integrations/demo"]

    private static func fixture(_ path: String) throws -> SessionFixture {
        try SessionFixture(directory: RepositoryLayout.root + "/" + path)
    }

    @Test("the recorded sessions cover pagination, rate limits, OAuth rotation, validation and vendor errors")
    func coverage() throws {
        let names = Set(SessionFixture.names(in: RepositoryLayout.sessionFixtures))
        let required: Set = [
            "github-issue-walk", "github-rate-limit", "oauth-refresh-rotation", "validation-error", "vendor-not-found",
        ]
        #expect(names.isSuperset(of: required), "missing: \(required.subtracting(names).sorted())")
        for path in Self.sessions {
            let methods = try Self.fixture(path).transcript.compactMap { $0.message?["method"]?.stringValue }
            #expect(methods.contains("initialize"), "\(path)")
            #expect(methods.contains("tools/list"), "\(path)")
        }
    }

    @Test("a replayed session answers every line exactly as recorded", arguments: sessions)
    func replay(path: String) throws {
        let fixture = try Self.fixture(path)
        #expect(
            !fixture.environment.keys.contains { $0.hasSuffix("_TOKEN") || $0.hasSuffix("_SECRET") },
            "a session must replay without credentials")
        let report = try SessionReplay(fixture).run()
        #expect(report.mismatches.isEmpty, "\(report.mismatches.joined(separator: "\n"))\n\(report.standardError)")
        #expect(report.exitStatus == 0)
        #expect(report.linesCompared == fixture.transcript.filter { $0.direction == .outgoing }.count)
        #expect(report.linesCompared > 0)
    }

    @Test("replay never touches the network: a vendor at the recorded origin receives nothing", arguments: sessions)
    func replayIsOffline(path: String) throws {
        let trap = try LoopbackServer { _ in .json(500, #"{"message":"replay reached the network"}"#) }
        defer { trap.stop() }
        var fixture = try Self.fixture(path)
        let isDemo = path.hasPrefix("Integrations/")
        // Move the recording to the trap's origin wherever the replay can follow it there: the
        // origins the environment sets (and the demo's, whose base URL GITHUB_API_URL overrides).
        let origins = try Self.origins(of: fixture).filter { origin in
            isDemo || fixture.environment.values.contains { $0.contains(origin) }
        }
        let work = try TemporaryDirectory()
        for (index, origin) in origins.enumerated() {
            fixture = try fixture.relocated(
                to: work.path + "/\(index)", rewriter: OriginRewriter(from: origin, to: trap.baseURL))
        }
        if isDemo { fixture.environment["GITHUB_API_URL"] = trap.baseURL }
        for proxy in ["http_proxy", "https_proxy", "HTTPS_PROXY", "ALL_PROXY"] {
            fixture.environment[proxy] = trap.baseURL
        }
        let report = try SessionReplay(fixture).run()
        #expect(report.mismatches.isEmpty, "\(report.mismatches.joined(separator: "\n"))\n\(report.standardError)")
        #expect(report.exitStatus == 0)
        #expect(trap.requests.isEmpty, "replay sent \(trap.requests.map { "\($0.method) \($0.target)" })")
    }

    /// The distinct origins (`scheme://host[:port]`) of a session's recorded requests.
    private static func origins(of fixture: SessionFixture) throws -> [String] {
        let text = try String(contentsOfFile: fixture.cassettePath, encoding: .utf8)
        var origins: [String] = []
        for line in text.split(separator: "\n") {
            guard let url = try JSONParser.parse(String(line))["request"]?["url"]?.stringValue,
                let scheme = url.range(of: "://")
            else { continue }
            let origin = String(url[..<(url[scheme.upperBound...].firstIndex(of: "/") ?? url.endIndex)])
            if !origins.contains(origin) { origins.append(origin) }
        }
        return origins
    }

    @Test("the comparison is not vacuous: a recorded line that differs from the replay is reported")
    func mismatchReported() throws {
        let original = try Self.fixture("Tests/Fixtures/sessions/vendor-not-found")
        let work = try TemporaryDirectory()
        var copy = try original.relocated(
            to: work.path,
            rewriter: OriginRewriter(from: RepositoryLayout.fixtureOrigin, to: RepositoryLayout.fixtureOrigin))
        try OriginRewriter(from: "Not Found", to: "Not Here").rewriteFile(work.path + "/transcript.jsonl")
        copy = try SessionFixture(directory: work.path)
        let report = try SessionReplay(copy, lineTimeout: .seconds(30)).run()
        #expect(report.mismatches.count == 2, "\(report.mismatches)")
        #expect(report.mismatches.allSatisfy { $0.contains("Not Here") && $0.contains("Not Found") })
    }

    @Test("answers to pipelined requests may come in another order, but each request's own lines may not")
    func pipelinedOrder() {
        let progress1 =
            #"{"jsonrpc":"2.0","method":"notifications/progress","params":{"progressToken":"a","progress":1}}"#
        let progress2 =
            #"{"jsonrpc":"2.0","method":"notifications/progress","params":{"progressToken":"a","progress":2}}"#
        let one = #"{"jsonrpc":"2.0","id":1,"result":{}}"#
        let two = #"{"jsonrpc":"2.0","id":2,"result":{}}"#
        #expect(SessionReplay.concurrentAnswers([two, one], [one, two]))
        #expect(SessionReplay.concurrentAnswers([progress1, two, progress2], [two, progress1, progress2]))
        #expect(!SessionReplay.concurrentAnswers([progress2, progress1], [progress1, progress2]))
        #expect(!SessionReplay.concurrentAnswers([one, one], [one, two]))
    }

    @Test("a request the recording does not hold is the tool error replay_miss naming method and URL")
    func replayMiss() throws {
        let fixture = try Self.fixture("Tests/Fixtures/sessions/vendor-not-found")
        let state = try TemporaryDirectory()
        let process = try SwitchyardProcess(
            SessionReplay(fixture).arguments(stateDirectory: state.path), environment: fixture.environment)
        defer { process.terminate() }
        let call: JSONValue = [
            "jsonrpc": "2.0", "id": 1, "method": "tools/call",
            "params": [
                "name": "github_issues_get", "arguments": ["owner": "octo-org", "repo": "harbor", "issue_number": 1],
            ],
        ]
        process.send(call.encoded())
        let line = try #require(process.nextLine(timeout: .seconds(30)))
        let error = try JSONParser.parse(line)["result"]?["structuredContent"]?["error"]
        #expect(error?["type"] == "replay_miss")
        #expect(
            error?["message"]?.stringValue?.contains(
                "GET \(RepositoryLayout.fixtureOrigin)/repos/octo-org/harbor/issues/1") == true)
        process.closeInput()
        #expect(process.waitForExit() == 0)
    }
}
