import FoundationEssentials

/// Where the demo's files are: the shipped GitHub integration and the recorded session beside it
/// (`Integrations/github.json`, `Integrations/demo/cassette.jsonl` and `transcript.jsonl`).
struct DemoLocation: Sendable {
    /// The integrations directory the files were found in.
    let directory: String

    /// The shipped GitHub integration file.
    var integrationFile: String { directory + "/github.json" }
    /// The recorded HTTP exchanges.
    var cassette: String { directory + "/demo/cassette.jsonl" }
    /// The recorded JSON-RPC session; its client lines are the demo's script.
    var transcript: String { directory + "/demo/transcript.jsonl" }

    /// Finds the files: in the `--integrations` paths when given (a directory, or a file inside
    /// one), else `./Integrations`, else an `Integrations` directory above the executable (a build
    /// inside a clone), else the one in the package this binary was built from.
    static func find(integrations: [String]) throws(UsageError) -> DemoLocation {
        if !integrations.isEmpty {
            for path in integrations {
                if let found = DemoLocation(candidate: path) ?? DemoLocation(candidate: parent(of: path)) {
                    return found
                }
            }
            throw UsageError(
                "no recorded demo session in \(integrations.joined(separator: ", ")) "
                    + "(expected github.json and demo/cassette.jsonl there)")
        }
        for candidate in defaultCandidates() {
            if let found = DemoLocation(candidate: candidate) { return found }
        }
        throw UsageError(
            "cannot find the recorded demo session (Integrations/demo/cassette.jsonl) in the current directory "
                + "or next to the switchyard executable; run it from a clone of the repository or pass "
                + "--integrations PATH/TO/Integrations")
    }

    private init?(candidate: String) {
        let manager = FileManager.default
        let directory = candidate.hasSuffix("/") && candidate.count > 1 ? String(candidate.dropLast()) : candidate
        self.directory = directory
        guard manager.isReadableFile(atPath: integrationFile), manager.isReadableFile(atPath: cassette),
            manager.isReadableFile(atPath: transcript)
        else { return nil }
    }

    private static func parent(of path: String) -> String {
        URL(fileURLWithPath: path).deletingLastPathComponent().path
    }

    private static func defaultCandidates() -> [String] {
        var candidates = ["Integrations"]
        if let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            var directory = URL(fileURLWithPath: executable).deletingLastPathComponent()
            while directory.path != "/" {
                candidates.append(directory.appendingPathComponent("Integrations").path)
                directory.deleteLastPathComponent()
            }
        }
        // Sources/switchyard/Demo/DemoLocation.swift → the package root is four levels up.
        var package = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { package.deleteLastPathComponent() }
        candidates.append(package.appendingPathComponent("Integrations").path)
        return candidates
    }
}
