import Catalog
import Foundation
import LoopbackHTTP

/// The integration sets the scenarios serve: the shipped files (with a dummy value for every
/// variable they reference, URLs pointing at the loopback vendor), a one-file `bench` integration
/// for the call scenarios, and a generated catalogue of 1,000 tools.
struct IntegrationFixtures: Sendable {
    /// The shipped `Integrations/` directory.
    let shippedDirectory: String
    /// The names of the shipped integrations (their file names without `.json`).
    let shippedNames: [String]
    /// A value for every `${VAR}` the shipped files reference.
    let shippedEnvironment: [String: String]
    /// A directory holding `bench.json`.
    let bench: ScratchDirectory
    /// The variables `bench.json` reads.
    let benchEnvironment: [String: String]
    /// A directory of generated files holding ``generatedToolCount`` tools.
    let generated: ScratchDirectory

    /// How many tools the generated catalogue holds.
    static let generatedToolCount = 1000

    /// Writes the temporary files; `vendorURL` is the loopback vendor's base URL.
    init(packageRoot: String, vendorURL: String) throws {
        shippedDirectory = packageRoot + "/Integrations"
        let files = try FileManager.default.contentsOfDirectory(atPath: shippedDirectory)
            .filter { $0.hasSuffix(".json") }.sorted()
        shippedNames = files.map { String($0.dropLast(".json".count)) }
        var environment: [String: String] = [:]
        for file in files {
            let text = try String(contentsOfFile: shippedDirectory + "/" + file, encoding: .utf8)
            // Numeric settings (`${SLACK_HISTORY_REQUESTS:-1}`) keep their defaults: a word is no number.
            let numeric = EnvironmentInterpolator.numericSettings(in: text)
            for name in Set(EnvironmentInterpolator.references(in: text)) where !numeric.contains(name) {
                environment[name] = name.hasSuffix("_URL") ? vendorURL : "bench-" + name.lowercased()
            }
        }
        shippedEnvironment = environment
        bench = try ScratchDirectory()
        try bench.write("bench.json", BenchIntegration.text)
        benchEnvironment = ["BENCH_API_URL": vendorURL, "BENCH_TOKEN": "bench-token"]
        generated = try ScratchDirectory()
        for index in 0..<(Self.generatedToolCount / GeneratedCatalogue.toolsPerFile) {
            let name = String(format: "gen%02d", index)
            try generated.write(name + ".json", GeneratedCatalogue.file(name: name, baseURL: vendorURL))
        }
    }
}
