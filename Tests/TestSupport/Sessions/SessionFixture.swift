import Foundation
import JSON

/// A recorded session on disk, replayable against the binary without network or credentials.
///
/// A directory holds `transcript.jsonl` (from `--transcript`), `cassette.jsonl` (from
/// `--record`), the integration files the session used (`integrations/`, or the path that
/// `session.json` names) and `session.json`:
///
/// ```json
/// {"args": ["--max-output-bytes", "4000"], "env": {"ACME_URL": "http://127.0.0.1:9"}, "integrations": "integrations"}
/// ```
///
/// `args` are extra `serve` arguments, `env` the environment the replay needs (never
/// credentials), `integrations` a path relative to the directory (default `integrations`) or absolute.
package struct SessionFixture: Sendable {
    /// The directory's name.
    package var name: String
    /// The directory.
    package var directory: String
    /// Every transcript line, in order.
    package var transcript: [TranscriptLine]
    /// The cassette file.
    package var cassettePath: String
    /// The integrations directory or file passed to `--integrations`.
    package var integrationsPath: String
    /// Extra `serve` arguments.
    package var arguments: [String]
    /// The environment the replay needs.
    package var environment: [String: String]

    /// Reads a session directory.
    package init(directory: String) throws {
        self.directory = directory
        name = URL(fileURLWithPath: directory).lastPathComponent
        let settings = try Self.settings(directory + "/session.json")
        arguments = settings["args"]?.arrayValue?.compactMap(\.stringValue) ?? []
        var environment: [String: String] = [:]
        for member in settings["env"]?.objectValue ?? JSONObject() {
            environment[member.key] = member.value.plainText
        }
        self.environment = environment
        let integrations = settings["integrations"]?.stringValue ?? "integrations"
        integrationsPath = integrations.hasPrefix("/") ? integrations : directory + "/" + integrations
        cassettePath = directory + "/cassette.jsonl"
        transcript = try Self.readTranscript(directory + "/transcript.jsonl")
        guard FileManager.default.isReadableFile(atPath: cassettePath) else {
            throw SessionFixtureError("\(name): no cassette.jsonl")
        }
    }

    /// The transcript grouped into client lines and the server lines that answered them.
    package func exchanges() throws -> [SessionExchange] {
        try SessionExchange.group(transcript)
    }

    /// The names of the session directories under `root`, sorted.
    package static func names(in root: String) -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return entries.filter { FileManager.default.fileExists(atPath: root + "/" + $0 + "/transcript.jsonl") }.sorted()
    }

    /// Reads a transcript file, skipping blank lines.
    package static func readTranscript(_ path: String) throws -> [TranscriptLine] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SessionFixtureError("cannot read \(path)")
        }
        return try String(decoding: data, as: UTF8.self).split(separator: "\n").map { line in
            try TranscriptLine(parsing: String(line))
        }
    }

    private static func settings(_ path: String) throws -> JSONValue {
        guard let data = FileManager.default.contents(atPath: path) else { return [:] }
        let value = try JSONParser.parse(data)
        guard value.objectValue != nil else { throw SessionFixtureError("\(path) is not a JSON object") }
        return value
    }
}
