import Foundation
import JSON

extension SessionFixture {
    /// A copy of this session in `directory` with its origin moved by `rewriter`: cassette,
    /// transcript (cursors included) and environment values rewritten; the integration files are
    /// used where they are.
    package func relocated(to directory: String, rewriter: OriginRewriter) throws -> SessionFixture {
        let manager = FileManager.default
        let rewriter = try rewriter.keyed(byCassette: self.directory + "/cassette.jsonl")
        try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for file in ["cassette.jsonl", "transcript.jsonl"] {
            try? manager.removeItem(atPath: directory + "/" + file)
            try manager.copyItem(atPath: self.directory + "/" + file, toPath: directory + "/" + file)
            try rewriter.rewriteFile(directory + "/" + file)
        }
        var environment = JSONObject()
        for (key, value) in self.environment.sorted(by: { $0.key < $1.key }) {
            environment[key] = .string(rewriter.rewrite(value))
        }
        let settings: JSONValue = [
            "args": .array(arguments.map { .string($0) }), "env": .object(environment),
            "integrations": .string(integrationsPath),
        ]
        try Data(settings.encodedData()).write(to: URL(fileURLWithPath: directory + "/session.json"))
        return try SessionFixture(directory: directory)
    }
}
