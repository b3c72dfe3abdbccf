/// `switchyard demo`: an offline, credential-free walk-through replaying the recorded GitHub
/// session shipped in `Integrations/demo` through the real server code path.
///
/// Takes `--integrations` (where `github.json` and `demo/` are), `--max-output-bytes`,
/// `--transcript`, `--audit-log` and `--log-level`; options that would change the recorded
/// session (filters, `--record`, `--replay`, `--state-dir`) are usage errors.
enum DemoCommand {
    /// Checks the options, finds the recorded session and runs it; exit status 0, or a usage error.
    static func run(_ options: Options) async throws(UsageError) -> Int32 {
        let refused: [(String, Bool)] = [
            ("--only", options.only != nil), ("--tags", options.tags != nil), ("--tools", options.tools != nil),
            ("--read-only", options.readOnly), ("--record", options.record != nil),
            ("--replay", options.replay != nil), ("--state-dir", options.stateDir != nil),
        ]
        if let (name, _) = refused.first(where: { $0.1 }) {
            throw UsageError("demo does not take \(name): it replays a fixed recorded session")
        }
        let location = try DemoLocation.find(integrations: options.integrations)
        return try await DemoRunner(location: location, options: options).run()
    }
}
