import Foundation
import JSON
import TestSupport
import Testing

/// Filters that name nothing, per-command help, `tools` without credentials, `tools --schema` and
/// a quiet `call` (issue #17), through the built binary.
@Suite struct FilterAndHelpTests {
    private let shipped = ["--integrations", FirstHourRun.shipped]

    @Test("a filter value that names no integration, tool or tag is exit 2 with a did-you-mean, in every command")
    func typoFilters() throws {
        let cases: [([String], String)] = [
            (["--only", "githbu"], "--only githbu names no integration (did you mean github?)"),
            (
                ["--tools", "github_issue_list"],
                "--tools github_issue_list names no tool (did you mean github_issues_list"
            ),
            (["--tags", "isues"], "--tags isues names no tag (did you mean issues?)"),
        ]
        for (filter, message) in cases {
            for command in [["serve"], ["tools"], ["call", "github_issues_list", "{}"]] {
                let result = try FirstHourRun.run(command + shipped + filter, environment: ["GITHUB_TOKEN": "t"])
                #expect(result.status == 2, "\(command) \(filter)")
                #expect(result.out.isEmpty)
                #expect(result.err.contains(message), "\(command) \(filter): \(result.err)")
            }
        }
        let good = try FirstHourRun.run(["tools", "--only", "github", "--tags", "issues"] + shipped)
        #expect(good.status == 0)
    }

    @Test("COMMAND --help prints that command's usage with two examples and exits 0")
    func commandHelp() throws {
        for command in ["serve", "tools", "call", "validate", "doctor", "demo"] {
            for flag in ["--help", "-h"] {
                let arguments = command == "call" ? [command, "github_issues_list", flag] : [command, flag]
                let result = try FirstHourRun.run(arguments)
                #expect(result.status == 0, "\(arguments): \(result.err)")
                #expect(result.out.first?.hasPrefix("usage: switchyard") == true, "\(arguments)")
                let examples = result.out.drop { $0 != "examples:" }.dropFirst().prefix { !$0.isEmpty }
                #expect(examples.count == 2, "\(arguments)")
                #expect(examples.allSatisfy { $0.hasPrefix("  ") && $0.contains("switchyard ") })
                #expect(result.err.isEmpty)
            }
        }
        let call = try FirstHourRun.run(["call", "--help"])
        #expect(call.status == 0)
        #expect(call.out.first == "usage: switchyard call TOOL [ARGS|-] [OPTIONS]")
    }

    @Test("the global help lists doctor, tools --schema and the environment variables Switchyard reads")
    func globalHelp() throws {
        let result = try FirstHourRun.run(["--help"])
        #expect(result.status == 0)
        for text in [
            "switchyard doctor", "tools --schema NAME", "SWITCHYARD_INTEGRATIONS", "SWITCHYARD_DISCOVERY",
            "SWITCHYARD_CURSOR_KEY", "XDG_STATE_HOME", "COMMAND --help",
        ] {
            #expect(result.text.contains(text), "missing \(text)")
        }
    }

    @Test("tools without credentials lists every shipped tool with its status and missing variables")
    func toolsWithoutCredentials() throws {
        let result = try FirstHourRun.run(["tools", "--json"] + shipped)
        #expect(result.status == 0)
        let value = try JSONParser.parse(result.text)
        let tools = try #require(value["tools"]?.arrayValue)
        let validate = try FirstHourRun.run(["validate", FirstHourRun.shipped])
        let count = try #require(validate.err.firstMatch(of: /(\d+) tools;/)?.1).description
        #expect(tools.count == Int(count))
        #expect(tools.count > 100)
        #expect(tools.allSatisfy { $0["status"] == "needs" && !($0["missing"]?.arrayValue ?? []).isEmpty })
        #expect(value["total_tokens"] == 0)
        let github = tools.first { $0["name"] == "github_issues_list" }
        #expect(github?["missing"] == ["GITHUB_TOKEN"])

        let text = try FirstHourRun.run(
            ["tools", "--only", "github", "--read-only"] + shipped, environment: ["GITHUB_TOKEN": "t"])
        #expect(text.status == 0)
        #expect(text.out.first?.hasPrefix("TOOL") == true)
        #expect(text.out.contains { $0.hasPrefix("github_issues_list ") && $0.contains(" ready ") })
        #expect(text.out.contains { $0.hasPrefix("github_issues_create ") && $0.contains(" filtered out ") })
        #expect(text.out.last?.contains("tools ready") == true)
        #expect(!text.err.contains("warning"), "no warnings: the status column says it")
    }

    @Test("tools --schema prints one definition as tools/list gives it, with or without credentials")
    func toolSchema() throws {
        let result = try FirstHourRun.run(["tools", "--schema", "github_issues_list"] + shipped)
        #expect(result.status == 0)
        let definition = try JSONParser.parse(result.text)
        #expect(definition["name"] == "github_issues_list")
        #expect(definition["inputSchema"]?["properties"]?["owner"] != nil)
        #expect(definition["outputSchema"]?["required"] == ["items", "has_more"])
        #expect(definition["annotations"]?["readOnlyHint"] == true)
        #expect(definition["description"]?.stringValue?.isEmpty == false)
        #expect(result.err.contains("needs GITHUB_TOKEN"))

        let golden = try JSONParser.parse(
            Data(
                contentsOf: URL(fileURLWithPath: RepositoryLayout.root + "/Tests/CatalogTests/Golden/github.tools.json")
            ))
        let expected = golden.arrayValue?.first { $0["name"] == "github_issues_list" }
        #expect(definition["inputSchema"] == expected?["inputSchema"])

        let typo = try FirstHourRun.run(["tools", "--schema", "github_isues_list"] + shipped)
        #expect(typo.status == 2)
        #expect(typo.err.contains("did you mean github_issues_list"))
    }

    @Test("call warns only about the integration that owns the tool, and says why a tool is unavailable")
    func quietCall() throws {
        var router = Router()
        router.on("GET", "/repos/{owner}/{repo}", reply: .json(#"{"id": 7, "full_name": "octo/hello"}"#))
        let server = try LoopbackServer(router: router)
        let ok = try FirstHourRun.run(
            ["call", "github_repositories_get", #"{"owner":"octo","repo":"hello"}"#] + shipped,
            environment: ["GITHUB_TOKEN": "t", "GITHUB_API_URL": server.baseURL])
        #expect(ok.status == 0)
        #expect(ok.err.isEmpty, "no warnings about other vendors: \(ok.err)")

        let hidden = try FirstHourRun.run(
            ["call", "github_issues_create", "{}", "--read-only"] + shipped, environment: ["GITHUB_TOKEN": "t"])
        #expect(hidden.status == 2)
        #expect(hidden.err.contains("github_issues_create is hidden by --read-only"))

        let unset = try FirstHourRun.run(["call", "github_issues_list", "{}"] + shipped)
        #expect(unset.status == 2)
        #expect(unset.err.contains("github_issues_list needs GITHUB_TOKEN"))
        #expect(!unset.err.contains("SLACK_BOT_TOKEN"))

        let elsewhere = try FirstHourRun.run(
            ["call", "github_issues_list", "{}", "--only", "slack"] + shipped, environment: ["SLACK_BOT_TOKEN": "t"])
        #expect(elsewhere.status == 2)
        #expect(elsewhere.err.contains("--only does not name github"))
        #expect(server.requests.count == 1)
    }

    @Test("validate ends with a summary line that counts in good English")
    func validateSummary() throws {
        let result = try FirstHourRun.run(["validate", FirstHourRun.shipped + "/github.json"])
        #expect(result.status == 0)
        #expect(result.err.contains("switchyard: 1 integration, "))
        #expect(result.err.contains("0 errors, 0 warnings"))
    }
}
