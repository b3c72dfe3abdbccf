import Foundation
import JSON

/// Records a session against live (loopback) vendors with the built binary — `serve --record
/// --transcript --state-dir <fresh>` — and writes it as a replayable session directory (see
/// ``SessionFixture``) with the vendors' origin moved to a fixed one.
package struct SessionRecorder: Sendable {
    /// The integration files the session serves, by file name.
    package var integrationFiles: [String: String]
    /// The environment while recording: base URLs of the emulations and credentials.
    package var environment: [String: String]
    /// The environment the replay needs (base URLs at the fixed origin; never credentials).
    package var replayEnvironment: [String: String]
    /// Extra `serve` arguments, used while recording and in replay.
    package var arguments: [String]
    /// When set, `session.json` names this integrations path (relative to the session directory)
    /// instead of the files being copied into `integrations/`.
    package var sharedIntegrations: String?

    /// Creates a recorder.
    package init(
        integrationFiles: [String: String], environment: [String: String], replayEnvironment: [String: String],
        arguments: [String] = [], sharedIntegrations: String? = nil
    ) {
        self.integrationFiles = integrationFiles
        self.environment = environment
        self.replayEnvironment = replayEnvironment
        self.arguments = arguments
        self.sharedIntegrations = sharedIntegrations
    }

    /// Runs `script` against the binary, then writes `transcript.jsonl`, `cassette.jsonl`,
    /// `session.json` (and `integrations/`) into `directory`, every line moved by `rewriter`.
    /// Throws when the server fails or exits with a status other than 0.
    package func record(
        into directory: String, rewriting rewriter: OriginRewriter, script: (ScriptedClient) throws -> Void
    ) throws {
        let work = try TemporaryDirectory()
        let integrations = work.path + "/integrations"
        try FileManager.default.createDirectory(atPath: integrations, withIntermediateDirectories: true)
        for (name, text) in integrationFiles {
            try Data(text.utf8).write(to: URL(fileURLWithPath: integrations + "/" + name))
        }
        let cassette = work.path + "/cassette.jsonl"
        let transcript = work.path + "/transcript.jsonl"
        guard FileManager.default.createFile(atPath: cassette, contents: Data()) else {
            throw SessionFixtureError("cannot create \(cassette)")
        }
        let process = try SwitchyardProcess(
            [
                "serve", "--integrations", integrations, "--record", cassette, "--transcript", transcript,
                "--state-dir",
                work.path + "/state",
            ] + arguments,
            environment: environment)
        defer { process.terminate() }
        try script(ScriptedClient(process: process))
        process.closeInput()
        let status = process.waitForExit(timeout: .seconds(60))
        guard status == 0 else {
            throw SessionFixtureError(
                "serve exited with \(status.map(String.init) ?? "a timeout"): \(process.standardError)")
        }
        try write(
            into: directory, cassette: cassette, transcript: transcript, integrations: integrations, rewriter: rewriter)
    }

    private func write(
        into directory: String, cassette: String, transcript: String, integrations: String, rewriter: OriginRewriter
    ) throws {
        let manager = FileManager.default
        try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for name in ["cassette.jsonl", "transcript.jsonl", "session.json", "integrations"] {
            try? manager.removeItem(atPath: directory + "/" + name)
        }
        try manager.copyItem(atPath: cassette, toPath: directory + "/cassette.jsonl")
        try manager.copyItem(atPath: transcript, toPath: directory + "/transcript.jsonl")
        let rewriter = try rewriter.keyed(byCassette: directory + "/cassette.jsonl")
        try rewriter.rewriteFile(directory + "/cassette.jsonl")
        try rewriter.rewriteFile(directory + "/transcript.jsonl")
        if sharedIntegrations == nil {
            try manager.copyItem(atPath: integrations, toPath: directory + "/integrations")
        }
        try Data(sessionSettings().utf8).write(to: URL(fileURLWithPath: directory + "/session.json"))
    }

    /// `session.json`: one member a line, for review.
    func sessionSettings() -> String {
        var environment = JSONObject()
        for (key, value) in replayEnvironment.sorted(by: { $0.key < $1.key }) { environment[key] = .string(value) }
        var members = [
            "  \"args\": " + JSONValue.array(arguments.map { .string($0) }).encoded(),
            "  \"env\": " + JSONValue.object(environment).encoded(),
        ]
        if let sharedIntegrations {
            members.append("  \"integrations\": " + JSONValue.string(sharedIntegrations).encoded())
        }
        return "{\n" + members.joined(separator: ",\n") + "\n}\n"
    }
}
