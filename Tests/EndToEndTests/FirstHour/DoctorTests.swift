import Foundation
import JSON
import TestSupport
import Testing

/// `switchyard doctor` against loopback emulations: a good, a bad (401) and an unreachable
/// credential, the shipped GitHub check, and a recorded check replayed without credentials.
@Suite struct DoctorTests {
    /// A vendor whose `GET /me` accepts `Bearer good` and answers 401 with a message otherwise.
    private func vendor() throws -> LoopbackServer {
        var router = Router()
        router.on("GET", "/me") { request, _ in
            request.header("Authorization") == "Bearer good"
                ? .json(#"{"login": "ada"}"#) : .json(401, #"{"message": "Bad credentials"}"#)
        }
        router.on("GET", "/user") { request, _ in
            request.header("Authorization") == "Bearer ghp_good"
                ? .json(#"{"login": "ada", "id": 1}"#) : .json(401, #"{"message": "Bad credentials"}"#)
        }
        return try LoopbackServer(router: router)
    }

    @Test("reports ok, unauthorized with the vendor's message, network and needs; exit 1 unless all are ok")
    func goodBadUnreachable() throws {
        let server = try vendor()
        let directory = try TemporaryDirectory()
        _ = try directory.write(
            "good.json", FirstHourRun.checkedIntegration(name: "good", baseURL: server.baseURL, variable: "GOOD_TOKEN"))
        _ = try directory.write(
            "bad.json", FirstHourRun.checkedIntegration(name: "bad", baseURL: server.baseURL, variable: "BAD_TOKEN"))
        // Port 9 (discard) has no listener on loopback: the connection is refused at once.
        _ = try directory.write(
            "down.json",
            FirstHourRun.checkedIntegration(name: "down", baseURL: "http://127.0.0.1:9", variable: "DOWN_TOKEN"))
        _ = try directory.write(
            "unset.json", FirstHourRun.checkedIntegration(name: "unset", baseURL: server.baseURL, variable: "NO_TOKEN"))
        let environment = ["GOOD_TOKEN": "good", "BAD_TOKEN": "wrong-secret-value", "DOWN_TOKEN": "good"]
        let all = try FirstHourRun.run(["doctor", "--integrations", directory.path], environment: environment)
        #expect(all.status == 1)
        let rows = Dictionary(
            all.out.dropFirst().compactMap { line -> (String, String)? in
                let parts = line.split(separator: " ", omittingEmptySubsequences: true)
                return parts.count >= 2 ? (String(parts[0]), String(parts[1])) : nil
            }, uniquingKeysWith: { first, _ in first })
        #expect(rows["good"] == "ok")
        #expect(rows["bad"] == "unauthorized")
        #expect(rows["down"] == "network")
        #expect(rows["unset"] == "needs")
        #expect(all.out.contains { $0.hasPrefix("bad ") && $0.contains("HTTP 401: Bad credentials") })
        #expect(all.out.contains { $0.hasPrefix("unset ") && $0.contains("NO_TOKEN") })
        #expect(all.out.last == "1 of 4 integrations ok")
        #expect(!all.text.contains("wrong-secret-value") && !all.err.contains("wrong-secret-value"))

        let one = try FirstHourRun.run(
            ["doctor", "--integrations", directory.path, "--only", "good"], environment: environment)
        #expect(one.status == 0)
        #expect(one.out.last == "1 of 1 integration ok")
        #expect(!one.text.contains("bad"))

        let typo = try FirstHourRun.run(["doctor", "--integrations", directory.path, "--only", "goood"])
        #expect(typo.status == 2)
        #expect(typo.err.contains("did you mean good?"))
    }

    @Test("an integration with several accounts is checked once per account, each with its own credential")
    func perAccount() throws {
        let server = try vendor()
        let directory = try TemporaryDirectory()
        _ = try directory.write(
            "multi.json",
            FirstHourRun.checkedIntegration(name: "multi", baseURL: server.baseURL, variable: "MULTI_TOKEN"))
        let environment = ["MULTI_TOKEN__WORK": "good", "MULTI_TOKEN__HOME": "wrong-secret-value"]
        let run = try FirstHourRun.run(["doctor", "--integrations", directory.path], environment: environment)
        #expect(run.status == 1)
        #expect(run.out.contains { $0.hasPrefix("multi:WORK ") && $0.contains(" ok ") })
        #expect(run.out.contains { $0.hasPrefix("multi:HOME ") && $0.contains("unauthorized") })
        #expect(run.out.last == "1 of 2 integrations ok")
        #expect(!run.text.contains("wrong-secret-value"))
    }

    @Test("the shipped GitHub file's check is GET /user, and a recorded check replays without credentials")
    func shippedCheckAndReplay() throws {
        let server = try vendor()
        let directory = try TemporaryDirectory()
        let cassette = directory.path + "/doctor.jsonl"
        let shipped = ["--integrations", FirstHourRun.shipped, "--only", "github"]
        let live = try FirstHourRun.run(
            ["doctor", "--record", cassette] + shipped,
            environment: ["GITHUB_TOKEN": "ghp_good", "GITHUB_API_URL": server.baseURL])
        #expect(live.status == 0, "\(live.text)\n\(live.err)")
        #expect(live.out.contains { $0.hasPrefix("github ") && $0.contains("GET /user") })
        #expect(server.requests.map(\.path) == ["/user"])

        let replayed = try FirstHourRun.run(
            ["doctor", "--replay", cassette] + shipped, environment: ["GITHUB_API_URL": server.baseURL])
        #expect(replayed.status == 0, "\(replayed.text)\n\(replayed.err)")
        #expect(server.requests.count == 1, "the replay sends nothing")

        let rejected = try FirstHourRun.run(
            ["doctor"] + shipped, environment: ["GITHUB_TOKEN": "ghp_bad", "GITHUB_API_URL": server.baseURL])
        #expect(rejected.status == 1)
        #expect(rejected.out.contains { $0.hasPrefix("github ") && $0.contains("unauthorized") })
    }
}
