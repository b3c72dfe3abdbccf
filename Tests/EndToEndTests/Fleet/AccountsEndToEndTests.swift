import Foundation
import JSON
import TestSupport
import Testing

extension FleetEndToEnd {
    /// Two accounts of one integration (`ACCT_TOKEN__WORK`, `ACCT_TOKEN__HOME`): each call acts with
    /// its own credential and its own budget, the audit names the account, recordings keep them apart.
    @Suite struct AccountsEndToEndTests {
        /// A vendor that tells who called: the body names the owner of the API key in the query
        /// (a credential in the URL, where only redaction keeps it out of a recording).
        private static func vendor() throws -> LoopbackServer {
            try LoopbackServer { request in
                let owner = ["tok-work": "work", "tok-home": "home"][request.queryValue("key") ?? ""] ?? "nobody"
                return .json(#"{"owner":"\#(owner)","path":"\#(request.path)"}"#)
            }
        }

        private static func directory(_ vendor: LoopbackServer) throws -> TemporaryDirectory {
            let directory = try TemporaryDirectory()
            try directory.write(
                "acct.json",
                #"""
                {"name": "acct", "description": "A vendor with a work and a home account.",
                 "base_url": "\#(vendor.baseURL)", "auth": {"type": "api_key", "in": "query", "name": "key", "value": "${ACCT_TOKEN}"},
                 "rate_limit": {"requests": 2, "per_seconds": 3600}, "timeout_ms": 3000,
                 "resources": {"things": {"description": "Things of the vendor.", "operations": {
                   "get": {"request": "GET /things/{id}", "description": "Fetch one thing of the vendor by its id.",
                           "parameters": {"id": {"in": "path", "type": "string", "description": "The thing's id."}}}
                 }}}}
                """#)
            return directory
        }

        private static let environment = ["ACCT_TOKEN__WORK": "tok-work", "ACCT_TOKEN__HOME": "tok-home"]

        @Test(
            "each account has its credential and budget; `account` is a required enum without a default; audit names it",
            arguments: [false, true])
        func routing(redis useRedis: Bool) async throws {
            let redis = useRedis ? try await RedisServer.launch() : nil
            defer { redis?.kill() }
            let vendor = try Self.vendor()
            defer { vendor.stop() }
            let directory = try Self.directory(vendor)
            let audit = directory.path + "/audit.jsonl"
            var arguments = ["--integrations", directory.path, "--audit-log", audit]
            arguments += redis.map { ["--state-store", $0.url()] } ?? ["--state-dir", directory.path + "/state"]
            let member = try FleetMember(arguments, environment: Self.environment)

            let tool = try #require(try await member.tools()["tools"]?.arrayValue?.first)
            #expect(tool["inputSchema"]?["properties"]?["account"]?["enum"] == ["HOME", "WORK"])
            #expect(tool["inputSchema"]?["required"] == ["id", "account"])

            let work = try await member.call("acct_things_get", ["id": "1", "account": "WORK"], id: "w1")
            #expect(work["structuredContent"]?["owner"] == "work")
            let home = try await member.call("acct_things_get", ["id": "2", "account": "HOME"], id: "h1")
            #expect(home["structuredContent"]?["owner"] == "home")
            let none = try await member.call("acct_things_get", ["id": "3"], id: "n")
            #expect(none.errorType == "invalid_arguments", "\(none.encoded())")
            let unknown = try await member.call("acct_things_get", ["id": "3", "account": "work"], id: "u")
            #expect(unknown.errorType == "invalid_arguments", "account names keep their case")
            #expect(vendor.requests.count == 2, "refused calls sent nothing")

            // Two requests an hour per account: WORK's second is its last, HOME is untouched by it.
            #expect(
                try await member.call("acct_things_get", ["id": "4", "account": "WORK"], id: "w2")["isError"] == false)
            let spent = try await member.call("acct_things_get", ["id": "5", "account": "WORK"], id: "w3")
            #expect(spent.errorType == "rate_limited", "\(spent.encoded())")
            #expect(
                try await member.call("acct_things_get", ["id": "6", "account": "HOME"], id: "h2")["isError"] == false)
            #expect(await member.finish() == 0)

            let lines = try String(contentsOfFile: audit, encoding: .utf8).split(separator: "\n")
                .compactMap { try? JSONParser.parse(String($0)) }
            #expect(
                lines.map { $0["account"]?.stringValue ?? "-" } == ["WORK", "HOME", "-", "-", "WORK", "WORK", "HOME"])
            let printed = member.process.allLines.joined() + member.process.standardError
            #expect(!printed.contains("tok-work") && !printed.contains("tok-home"))
        }

        @Test("--only acct:WORK exposes one account without a parameter; tools names the accounts")
        func onlyOneAccount() async throws {
            let vendor = try Self.vendor()
            defer { vendor.stop() }
            let directory = try Self.directory(vendor)
            let listing = try SwitchyardProcess(
                ["tools", "--integrations", directory.path, "--json"], environment: Self.environment)
            #expect(await OffPool.run { listing.waitForExit() } == 0)
            let all = try JSONParser.parse(listing.allLines.joined())
            #expect(all["accounts"] == ["acct": ["HOME", "WORK"]])

            let process = try SwitchyardProcess(
                ["call", "acct_things_get", #"{"id":"7"}"#, "--integrations", directory.path, "--only", "acct:WORK"],
                environment: Self.environment)
            process.closeInput()
            #expect(await OffPool.run { process.waitForExit() } == 0, "\(process.standardError)")
            let result = try JSONParser.parse(process.allLines.joined())
            #expect(result["structuredContent"]?["owner"] == "work")

            let text = try SwitchyardProcess(
                ["tools", "--integrations", directory.path, "--only", "acct:WORK"], environment: Self.environment)
            #expect(await OffPool.run { text.waitForExit() } == 0)
            #expect(text.allLines.contains("accounts of acct: WORK"), "\(text.allLines)")
        }

        @Test("a recording keeps each account's exchanges: replay answers HOME with HOME's, whatever the order")
        func replayKeepsAccountsApart() async throws {
            let vendor = try Self.vendor()
            defer { vendor.stop() }
            let directory = try Self.directory(vendor)
            let cassette = directory.path + "/session.jsonl"
            func call(_ account: String, _ extra: [String]) async throws -> JSONValue {
                let process = try SwitchyardProcess(
                    [
                        "call", "acct_things_get", #"{"id":"1","account":"\#(account)"}"#, "--integrations",
                        directory.path,
                    ]
                        + extra, environment: Self.environment)
                process.closeInput()
                #expect(await OffPool.run { process.waitForExit() } == 0, "\(process.standardError)")
                return try JSONParser.parse(process.allLines.joined())
            }
            _ = try await call("WORK", ["--record", cassette])
            _ = try await call("HOME", ["--record", cassette])
            let recorded = try String(contentsOfFile: cassette, encoding: .utf8)
            #expect(!recorded.contains("tok-work") && !recorded.contains("tok-home"))
            vendor.stop()
            #expect(try await call("HOME", ["--replay", cassette])["structuredContent"]?["owner"] == "home")
            #expect(try await call("WORK", ["--replay", cassette])["structuredContent"]?["owner"] == "work")
        }
    }
}
