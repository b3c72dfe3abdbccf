/// How `serve` lists its tools (`--discovery`, `SWITCHYARD_DISCOVERY`).
enum DiscoveryMode: String, Sendable {
    /// Every exposed tool in `tools/list` (the default).
    case all
    /// The meta-tools `search_tools`, `describe_tools`, `call_read_tool`, `call_write_tool`
    /// (plus `--pin` tools); the catalogue is reached through them.
    case search

    /// The mode a command-line or environment value names; a usage error for anything else.
    static func parse(_ text: String, from source: String) throws(UsageError) -> DiscoveryMode {
        guard let mode = DiscoveryMode(rawValue: text) else {
            throw UsageError("\(source) must be all or search, not '\(text)'")
        }
        return mode
    }
}
