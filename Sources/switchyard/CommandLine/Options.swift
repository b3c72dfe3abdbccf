import Catalog
import Engine
import FoundationEssentials
import SystemIO

/// The options shared by `serve`, `tools` and `call` (DESIGN.md §2).
struct Options: Sendable {
    var integrations: [String] = []
    var only: Set<String>?
    var tags: Set<String>?
    var tools: Set<String>?
    var readOnly = false
    var maxOutputBytes = 50_000
    var record: String?
    var replay: String?
    var transcript: String?
    var auditLog: String?
    var stateDir: String?
    /// `--state-store redis://…`; `nil` defers to `SWITCHYARD_STATE_STORE`, else the state directory.
    var stateStore: String?
    /// `--only NAME:ACCOUNT` entries: the accounts to keep, by integration.
    var onlyAccounts: [String: Set<String>] = [:]
    var logLevel: LogLevel = .warning
    var json = false
    /// `--shutdown-grace-ms`: how long in-flight calls may finish after SIGTERM/SIGINT.
    var shutdownGraceMilliseconds = 5000
    /// `--discovery`; `nil` defers to `SWITCHYARD_DISCOVERY`, else `all`.
    var discovery: DiscoveryMode?
    /// `--pin`: tools listed in full beside the meta-tools in search mode.
    var pins: [String] = []
    /// `tools --search QUERY`.
    var search: String?
    /// `tools --search … --limit N`.
    var limit: Int?
    /// `tools --schema NAME`: one tool's full definition.
    var schema: String?
    /// Which calls need a person's confirmation (`--confirm`, default `destructive`).
    var confirm: ConfirmationPolicy = .destructive
    /// `call --yes`: the person running the command confirms in advance.
    var yes = false

    /// The filter these options describe.
    var filter: ToolFilter {
        var filter = ToolFilter(only: only, tags: tags, tools: tools, readOnly: readOnly)
        filter.accounts = onlyAccounts
        return filter
    }

    /// The integration paths: the options', else the search of ``IntegrationsLocation``
    /// (`$SWITCHYARD_INTEGRATIONS`, `./Integrations`, the shipped directory of the installation or checkout).
    func integrationPaths(environment: [String: String]) -> [String] {
        if !integrations.isEmpty { return integrations }
        return IntegrationsLocation.defaultPaths(environment: environment)
    }

    /// The discovery mode: the option's, else `$SWITCHYARD_DISCOVERY`, else `all`.
    func discoveryMode(environment: [String: String]) throws(UsageError) -> DiscoveryMode {
        if let discovery { return discovery }
        guard let value = environment["SWITCHYARD_DISCOVERY"], !value.isEmpty else { return .all }
        return try DiscoveryMode.parse(value, from: "SWITCHYARD_DISCOVERY")
    }

    /// The state directory: the option's, else `$XDG_STATE_HOME/switchyard`, else `~/.local/state/switchyard`.
    func stateDirectory(environment: [String: String]) -> String {
        if let stateDir { return stateDir }
        if let xdg = environment["XDG_STATE_HOME"], !xdg.isEmpty { return xdg + "/switchyard" }
        let home = environment["HOME"] ?? FileManager.default.homeDirectoryForCurrentUser.path
        return home + "/.local/state/switchyard"
    }

    /// Parses one option at `arguments[index]` (and its value), advancing `index`; returns false
    /// when the argument is not an option at all.
    mutating func parse(_ arguments: [String], at index: inout Int, allowJSON: Bool, allowYes: Bool = false)
        throws(UsageError) -> Bool
    {
        let argument = arguments[index]
        guard argument.hasPrefix("--") else { return false }
        var name = argument
        var inlineValue: String?
        if let equals = argument.firstIndex(of: "=") {
            name = String(argument[argument.startIndex..<equals])
            inlineValue = String(argument[argument.index(after: equals)...])
        }
        func value() throws(UsageError) -> String {
            if let inlineValue { return inlineValue }
            index += 1
            guard index < arguments.count else { throw UsageError("\(name) needs a value") }
            return arguments[index]
        }
        func flag() throws(UsageError) {
            if inlineValue != nil { throw UsageError("\(name) takes no value") }
        }
        switch name {
        case "--integrations": integrations.append(try nonEmpty(value(), name))
        case "--only":
            only = []
            for entry in try list(value(), name) {
                let parts = entry.split(separator: ":", maxSplits: 1).map(String.init)
                guard let integration = parts.first, !integration.isEmpty, parts.count == 1 || !parts[1].isEmpty else {
                    throw UsageError("--only takes NAME or NAME:ACCOUNT, not '\(entry)'")
                }
                only?.insert(integration)
                if parts.count == 2 { onlyAccounts[integration, default: []].insert(parts[1]) }
            }
        case "--tags": tags = try list(value(), name)
        case "--tools": tools = try list(value(), name)
        case "--read-only":
            try flag()
            readOnly = true
        case "--max-output-bytes":
            let text = try value()
            guard let number = Int(text), number >= 256 else {
                throw UsageError("--max-output-bytes must be a whole number of at least 256, not '\(text)'")
            }
            maxOutputBytes = number
        case "--shutdown-grace-ms":
            let text = try value()
            guard let number = Int(text), (0...600_000).contains(number) else {
                throw UsageError("--shutdown-grace-ms must be a whole number from 0 to 600000, not '\(text)'")
            }
            shutdownGraceMilliseconds = number
        case "--record": record = try nonEmpty(value(), name)
        case "--replay": replay = try nonEmpty(value(), name)
        case "--transcript": transcript = try nonEmpty(value(), name)
        case "--audit-log": auditLog = try nonEmpty(value(), name)
        case "--state-dir": stateDir = try nonEmpty(value(), name)
        case "--state-store": stateStore = try nonEmpty(value(), name)
        case "--log-level":
            let text = try value()
            guard let level = LogLevel(name: text) else {
                throw UsageError("--log-level must be debug, info, warning or error, not '\(text)'")
            }
            logLevel = level
        case "--discovery": discovery = try DiscoveryMode.parse(value(), from: "--discovery")
        case "--pin":
            let names = try value().split(separator: ",").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
            guard !names.isEmpty else { throw UsageError("--pin needs a comma-separated list") }
            for pin in names where !pins.contains(pin) { pins.append(pin) }
        case "--search" where allowJSON: search = try nonEmpty(value(), name)
        case "--schema" where allowJSON: schema = try nonEmpty(value(), name)
        case "--limit" where allowJSON:
            let text = try value()
            guard let number = Int(text), (1...100).contains(number) else {
                throw UsageError("--limit must be a whole number from 1 to 100, not '\(text)'")
            }
            limit = number
        case "--confirm":
            let text = try value()
            guard let policy = ConfirmationPolicy(rawValue: text) else {
                throw UsageError("--confirm must be destructive, writes or none, not '\(text)'")
            }
            confirm = policy
        case "--yes" where allowYes:
            try flag()
            yes = true
        case "--json" where allowJSON:
            try flag()
            json = true
        default:
            throw UsageError("unknown option \(name) (see switchyard --help)")
        }
        index += 1
        return true
    }

    private func nonEmpty(_ text: String, _ name: String) throws(UsageError) -> String {
        guard !text.isEmpty else { throw UsageError("\(name) needs a non-empty value") }
        return text
    }

    private func list(_ text: String, _ name: String) throws(UsageError) -> Set<String> {
        let items = text.split(separator: ",").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        guard !items.isEmpty else { throw UsageError("\(name) needs a comma-separated list") }
        return Set(items)
    }

    /// Checks that every path given can be read and that record/replay are not both set.
    func checkPaths(environment: [String: String]) throws(UsageError) {
        for path in integrationPaths(environment: environment) where !FileManager.default.isReadableFile(atPath: path) {
            let hint = integrations.isEmpty ? IntegrationsLocation.searchHint(environment: environment) : ""
            throw UsageError("cannot read integrations path '\(IntegrationsLocation.absolute(path))'\(hint)")
        }
        if let replay, !FileManager.default.isReadableFile(atPath: replay) {
            throw UsageError("cannot read replay file '\(replay)'")
        }
        _ = try discoveryMode(environment: environment)
        _ = try redisEndpoint(environment: environment)
        if record != nil, replay != nil {
            throw UsageError("--record and --replay cannot be used together")
        }
        // Output files are checked before anything loads, so a bad path is the only line printed.
        for (what, path) in [("recording", record), ("transcript", transcript), ("audit log", auditLog)] {
            guard let path else { continue }
            do {
                try AppendOnlyFile.checkWritable(path)
            } catch {
                throw UsageError("cannot open the \(what) '\(path)': \(error.reason)")
            }
        }
    }
}
