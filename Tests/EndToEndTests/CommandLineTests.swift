import Foundation
import JSON
import TestSupport
import Testing

@Suite struct CommandLineTests {
    static var integrations: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Integrations").path
    }

    private func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (
        status: Int32?, out: [String], err: String
    ) {
        let process = try SwitchyardProcess(arguments, environment: environment)
        process.closeInput()
        let status = process.waitForExit()
        return (status, process.allLines, process.standardError)
    }

    @Test("--version prints the version and exits 0")
    func version() throws {
        let result = try run(["--version"])
        #expect(result.status == 0)
        #expect(result.out.first?.hasPrefix("switchyard ") == true)
    }

    @Test("--help lists every command")
    func help() throws {
        let result = try run(["--help"])
        #expect(result.status == 0)
        let text = result.out.joined(separator: "\n")
        for command in ["serve", "tools", "call", "validate", "demo"] { #expect(text.contains(command)) }
    }

    @Test("an unknown option is one stderr line and exit 2, with nothing on stdout")
    func unknownOption() throws {
        for arguments in [
            ["--bogus"], ["tools", "--frobnicate"], ["serve", "--max-output-bytes", "lots"], ["nonsense"],
        ] {
            let result = try run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.out.isEmpty)
            #expect(result.err.split(separator: "\n").count == 1)
        }
    }

    @Test("an unreadable integrations path is a usage error")
    func unreadablePath() throws {
        let result = try run(["tools", "--integrations", "/nonexistent/switchyard"])
        #expect(result.status == 2)
        #expect(result.err.contains("/nonexistent/switchyard"))
    }

    @Test("validate passes the shipped catalogue with no errors and no warnings")
    func validateShipped() throws {
        let result = try run(["validate", Self.integrations])
        #expect(result.status == 0)
        #expect(result.out.isEmpty, "diagnostics: \(result.out)")
    }

    @Test("validate prints FILE:POINTER: severity: message and exits 1 on errors")
    func validateBroken() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write(
            "broken.json", #"{"name": "Bad Name", "base_url": "http://example.com", "resources": {}, "paramters": 1}"#)
        let result = try run(["validate", file])
        #expect(result.status == 1)
        #expect(result.out.contains { $0.hasPrefix("\(file):/name: error:") })
        #expect(result.out.contains { $0.hasPrefix("\(file):/paramters: error:") })
        #expect(result.out.contains { $0.hasPrefix("\(file):/base_url: error:") })
    }

    @Test("tools --json reports each tool with its token estimate and the total")
    func toolsJSON() throws {
        let result = try run(
            ["tools", "--json", "--integrations", Self.integrations, "--only", "github"],
            environment: ["GITHUB_TOKEN": "ghp_test"])
        #expect(result.status == 0)
        let value = try JSONParser.parse(result.out.joined())
        let tools = try #require(value["tools"]?.arrayValue)
        #expect(!tools.isEmpty)
        let sum = tools.compactMap { $0["tokens"]?.intValue }.reduce(0, +)
        #expect(value["total_tokens"]?.intValue == sum)
        #expect(tools.allSatisfy { $0["integration"] == "github" && $0["kind"] != nil && $0["tags"] != nil })
    }

    @Test("call runs one tool against a vendor and exits 0, or 1 when the vendor fails")
    func callAgainstVendor() throws {
        var router = Router()
        router.on("GET", "/repos/octo/missing", reply: .json(404, #"{"message": "Not Found"}"#))
        router.on("GET", "/repos/{owner}/{repo}", reply: .json(#"{"id": 7, "full_name": "octo/hello"}"#))
        let server = try LoopbackServer(router: router)
        let environment = ["GITHUB_TOKEN": "ghp_secret_value", "GITHUB_API_URL": server.baseURL]
        let arguments = ["--integrations", Self.integrations, "--only", "github"]
        let ok = try run(
            ["call", "github_repositories_get", #"{"owner":"octo","repo":"hello"}"#] + arguments,
            environment: environment)
        #expect(ok.status == 0)
        let result = try JSONParser.parse(ok.out.joined())
        #expect(result["structuredContent"]?["full_name"] == "octo/hello")
        #expect(server.requests.first?.header("Authorization") == "Bearer ghp_secret_value")
        let missing = try run(
            ["call", "github_repositories_get", #"{"owner":"octo","repo":"missing"}"#] + arguments,
            environment: environment)
        #expect(missing.status == 1)
        #expect(try JSONParser.parse(missing.out.joined())["structuredContent"]?["error"]?["type"] == "not_found")
        for output in [ok, missing] {
            #expect(!output.out.joined().contains("ghp_secret_value"))
            #expect(!output.err.contains("ghp_secret_value"))
        }
    }

    @Test("call refuses unknown tools and bad ARGS with exit 2")
    func callUsage() throws {
        let environment = ["GITHUB_TOKEN": "t"]
        let base = ["--integrations", Self.integrations, "--only", "github"]
        #expect(try run(["call", "no_such_tool", "{}"] + base, environment: environment).status == 2)
        #expect(try run(["call", "github_repositories_get", "[1]"] + base, environment: environment).status == 2)
        #expect(try run(["call", "github_repositories_get", "{not json"] + base, environment: environment).status == 2)
        #expect(try run(["call"] + base, environment: environment).status == 2)
    }
}
