import Foundation
import JSON
import TestSupport
import Testing

/// `serve` says why integrations are missing where the user looks (the `instructions`), and finds
/// the shipped integrations from any working directory (issue #17).
@Suite struct ServeFromAnywhereTests {
    private static let initialize =
        #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}"#
    private static let discover =
        #"{"jsonrpc":"2.0","id":2,"method":"server/discover","params":{"_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28","io.modelcontextprotocol/clientCapabilities":{}}}}"#
    private static let list = #"{"jsonrpc":"2.0","id":3,"method":"tools/list"}"#

    /// Runs `serve` with the three requests and returns their answers by id, with stderr.
    private func serve(
        _ arguments: [String], environment: [String: String] = [:], directory: String? = nil, binary: String? = nil
    ) throws -> (answers: [Int64: JSONValue], err: String, status: Int32?) {
        let process = try SwitchyardProcess(
            ["serve"] + arguments, environment: environment, directory: directory, binary: binary)
        for line in [Self.initialize, Self.discover, Self.list] { process.send(line) }
        process.closeInput()
        let status = process.waitForExit()
        var answers: [Int64: JSONValue] = [:]
        for line in process.allLines {
            let value = try JSONParser.parse(line)
            if let id = value["id"]?.intValue { answers[id] = value }
        }
        return (answers, process.standardError, status)
    }

    @Test("instructions in initialize and server/discover name the integrations left out and their variables")
    func instructionsNameUnsetVariables() throws {
        let run = try serve(
            ["--integrations", FirstHourRun.shipped, "--only", "github,slack"], environment: ["GITHUB_TOKEN": "t"])
        #expect(run.status == 0)
        for id: Int64 in [1, 2] {
            let text = try #require(run.answers[id]?["result"]?["instructions"]?.stringValue, "id \(id)")
            #expect(text.contains("slack needs SLACK_BOT_TOKEN"))
            #expect(!text.contains("github needs"))
            #expect(!text.contains("stripe"), "integrations filtered out by --only are not mentioned")
        }
        let tools = try #require(run.answers[3]?["result"]?["tools"]?.arrayValue)
        #expect(tools.contains { $0["name"] == "github_issues_list" })

        let complete = try serve(
            ["--integrations", FirstHourRun.shipped, "--only", "github"], environment: ["GITHUB_TOKEN": "t"])
        #expect(complete.answers[1]?["result"]?["instructions"] == nil, "nothing left out, nothing to say")
    }

    @Test("with zero tools, the instructions say so and stderr has an error line naming the variables")
    func zeroTools() throws {
        let run = try serve(["--integrations", FirstHourRun.shipped, "--only", "github"])
        #expect(run.status == 0)
        let text = try #require(run.answers[1]?["result"]?["instructions"]?.stringValue)
        #expect(text.contains("no tools"))
        #expect(text.contains("github needs GITHUB_TOKEN"))
        #expect(run.err.contains("switchyard: error: serving no tools: github needs GITHUB_TOKEN"))
        #expect(run.answers[3]?["result"]?["tools"] == [])
    }

    @Test("serve started from / finds the shipped integrations of the checkout the binary was built in")
    func fromRoot() throws {
        let run = try serve([], environment: ["GITHUB_TOKEN": "t"], directory: "/")
        #expect(run.status == 0, "\(run.err)")
        let tools = try #require(run.answers[3]?["result"]?["tools"]?.arrayValue)
        #expect(tools.contains { $0["name"] == "github_issues_list" })
        #expect(
            run.answers[1]?["result"]?["instructions"]?.stringValue?.contains("slack needs SLACK_BOT_TOKEN") == true)
    }

    @Test("an installed binary finds PREFIX/share/switchyard/Integrations from any directory")
    func installPrefix() throws {
        let prefix = try TemporaryDirectory()
        let manager = FileManager.default
        try manager.createDirectory(atPath: prefix.path + "/bin", withIntermediateDirectories: true)
        try manager.createDirectory(atPath: prefix.path + "/share/switchyard", withIntermediateDirectories: true)
        try manager.copyItem(atPath: SwitchyardProcess.binaryPath, toPath: prefix.path + "/bin/switchyard")
        try manager.createDirectory(
            atPath: prefix.path + "/share/switchyard/Integrations/schema", withIntermediateDirectories: true)
        for file in ["github.json", "schema/integration.schema.json"] {
            try manager.copyItem(
                atPath: FirstHourRun.shipped + "/" + file,
                toPath: prefix.path + "/share/switchyard/Integrations/" + file)
        }
        let run = try serve(
            [], environment: ["GITHUB_TOKEN": "t"], directory: "/", binary: prefix.path + "/bin/switchyard")
        #expect(run.status == 0, "\(run.err)")
        let tools = try #require(run.answers[3]?["result"]?["tools"]?.arrayValue)
        #expect(tools.count == 21)
        #expect(run.answers[1]?["result"]?["instructions"] == nil, "only github is installed, and it is ready")
    }

    @Test("an integrations path that cannot be read is named absolutely")
    func unreadableIsAbsolute() throws {
        let directory = try TemporaryDirectory()
        let result = try FirstHourRun.run(["tools", "--integrations", "missing/here"], directory: directory.path)
        #expect(result.status == 2)
        #expect(result.err.contains("'\(directory.path)/missing/here'"), "\(result.err)")
    }
}
