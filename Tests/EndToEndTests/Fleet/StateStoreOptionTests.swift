import Foundation
import TestSupport
import Testing

extension FleetEndToEnd {
    /// `--state-store` and `SWITCHYARD_STATE_STORE` are checked before anything is served.
    @Suite struct StateStoreOptionTests {
        private static func run(_ arguments: [String], environment: [String: String] = [:]) async throws
            -> (status: Int32?, error: String)
        {
            let process = try SwitchyardProcess(arguments, environment: environment)
            process.closeInput()
            let status = await OffPool.run { process.waitForExit() }
            return (status, process.standardError)
        }

        @Test("a URL that cannot be used is a usage error (exit 2) that never repeats the password")
        func badURLs() async throws {
            let directory = try TemporaryDirectory()
            let cases: [([String], [String: String], String)] = [
                (["--state-store", "rediss://:pw-1@h:6380"], [:], "TLS"),
                (["--state-store", "http://h:1"], [:], "redis://"),
                (["--state-store", "redis://:pw-2/x@h:1/x"], [:], "database"),
                ([], ["SWITCHYARD_STATE_STORE": "redis://:pw-3@h:0"], "SWITCHYARD_STATE_STORE"),
            ]
            for (options, environment, expected) in cases {
                let (status, error) = try await Self.run(
                    ["tools", "--integrations", directory.path] + options, environment: environment)
                #expect(status == 2, "\(options) \(environment): \(error)")
                #expect(error.contains(expected), "\(error)")
                #expect(!error.contains("pw-"), "\(error)")
            }
        }
    }
}
