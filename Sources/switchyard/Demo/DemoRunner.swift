import Catalog
import Engine
import FoundationEssentials
import JSON
import MCP
import SystemIO

/// Replays the recorded demo session through the real server path — ``MCPServer`` over an
/// ``InMemoryTransport``, ``CatalogToolHost``, ``ToolEngine``, ``ReplayTransport`` — feeding the
/// recorded client lines one at a time and printing a walk-through of each step to stdout.
///
/// The demo reads no environment: the shipped GitHub file keeps its default base URL
/// (`https://api.github.com`), credentials are the replay placeholder, and every HTTP answer comes
/// from the cassette.
struct DemoRunner {
    /// Where the integration file and the recorded session are.
    let location: DemoLocation
    /// The command-line options (output budget, transcript, audit log, log level).
    let options: Options

    /// Runs the session; returns the exit status (0).
    func run() async throws(UsageError) -> Int32 {
        let steps = try DemoStep.load(transcript: location.transcript)
        let logger = Logger(level: options.logLevel)
        let loaded = CatalogLoader(paths: [location.integrationFile], environment: [:], credentialsOptional: true)
            .load()
        guard !loaded.hasErrors, let integration = loaded.catalog.integrations.values.first else {
            throw UsageError(
                "the demo integration \(location.integrationFile) does not load; run switchyard validate on it")
        }
        let secrets = SecretRegistry()
        let replay: ReplayTransport
        do {
            replay = try ReplayTransport(path: location.cassette, secrets: secrets)
        } catch {
            throw UsageError(error.message)
        }
        let transport = ObservedTransport(wrapping: replay)
        let engine = ToolEngine(
            transport: transport,
            options: EngineOptions(
                maxOutputBytes: options.maxOutputBytes, userAgent: "switchyard/\(Version.current)", logger: logger,
                cursorSealer: TokenSealer(key: replay.cursorKey)))
        let host = CatalogToolHost(catalog: loaded.catalog, engine: engine, audit: try auditLog(logger: logger))
        let memory = InMemoryTransport(observer: try transcriptObserver(secrets: secrets))
        let server = MCPServer(
            host: host, transport: memory,
            configuration: ServerConfiguration(version: Version.current, sealer: TokenSealer(key: replay.cursorKey)),
            logger: logger)
        let serving = Task { await server.run() }

        let featured = Self.featuredTools(steps)
        let narrator = DemoNarrator(catalog: loaded.catalog, featuredTools: featured)
        write(header(baseURL: integration.baseURL))
        var output = memory.sentLines.makeAsyncIterator()
        var cursor: String?
        var requests = 0
        var differing: [Int] = []
        for step in steps {
            let message = step.passing(cursor: cursor)
            memory.push(message.encoded())
            guard let id = step.id else { continue }
            var responses: [JSONValue] = []
            while let bytes = await output.next() {
                guard let value = try? JSONParser.parse(bytes) else { continue }
                responses.append(value)
                if value["id"] == id, value["method"] == nil { break }
            }
            requests += 1
            if !Self.matches(responses, step.recorded) { differing.append(requests) }
            write(
                narrator.describe(
                    step: requests, request: message, responses: responses, exchanges: transport.drain()))
            if let next = Self.nextCursor(in: responses.last) { cursor = next }
        }
        memory.closeInput()
        await serving.value
        host.finish()
        write(summary(requests: requests, exchanges: transport.count, differing: differing))
        if !differing.isEmpty {
            logger.warning(
                "demo: the responses of step(s) \(differing.map(String.init).joined(separator: ", ")) differ from "
                    + "the recording in \(location.transcript); re-record it with "
                    + "SWITCHYARD_RECORD_SESSIONS=1 swift test --filter SessionRecordingTests")
        }
        return 0
    }

    private func header(baseURL: String) -> [String] {
        [
            "Switchyard demo: a recorded GitHub session replayed through the real server, offline",
            "",
            "  tools from   \(location.integrationFile) (base URL \(baseURL))",
            "  HTTP from    \(location.cassette) (recorded, secrets redacted)",
            "  network      none: every HTTP answer comes from the recording",
            "  credentials  none needed",
            "",
        ]
    }

    private func summary(requests: Int, exchanges: Int, differing: [Int]) -> [String] {
        [
            "Done: \(requests) MCP requests answered, \(exchanges) HTTP exchanges replayed, nothing sent to the network.",
            differing.isEmpty
                ? "Every response matched the recording."
                : "\(differing.count) response(s) differed from the recording (see standard error).",
            "",
            "Live, with a token: export GITHUB_TOKEN=…; switchyard tools --only github",
            "                    switchyard call github_issues_list '{\"owner\": \"OWNER\", \"repo\": \"REPO\"}'",
        ]
    }

    private func write(_ lines: [String]) {
        guard !lines.isEmpty else { return }
        StandardOutput.write(lines.joined(separator: "\n"))
    }

    private func auditLog(logger: Logger) throws(UsageError) -> AuditLog? {
        guard let path = options.auditLog else { return nil }
        do {
            return try AuditLog(path: path, logger: logger)
        } catch {
            throw UsageError(error.message)
        }
    }

    private func transcriptObserver(secrets: SecretRegistry) throws(UsageError) -> LineObserver? {
        guard let path = options.transcript else { return nil }
        let transcript = try TranscriptWriter(path: path, secrets: secrets)
        return { direction, line in transcript.record(incoming: direction == .incoming, line: line) }
    }

    /// The tools the session calls, in order of first use.
    static func featuredTools(_ steps: [DemoStep]) -> [String] {
        var names: [String] = []
        for step in steps where step.method == "tools/call" {
            if let name = step.message["params"]?["name"]?.stringValue, !names.contains(name) { names.append(name) }
        }
        return names
    }

    /// The `next_cursor` of a list result, when it has one.
    static func nextCursor(in response: JSONValue?) -> String? {
        guard let result = response?["result"] else { return nil }
        if let cursor = result["structuredContent"]?["next_cursor"]?.stringValue { return cursor }
        guard let text = result["content"]?[0]?["text"]?.stringValue else { return nil }
        return (try? JSONParser.parse(text))?["next_cursor"]?.stringValue
    }

    /// Whether the replayed lines equal the recorded ones, the server version aside.
    static func matches(_ replayed: [JSONValue], _ recorded: [JSONValue]) -> Bool {
        replayed.map(withoutVersion) == recorded.map(withoutVersion)
    }

    private static func withoutVersion(_ message: JSONValue) -> JSONValue {
        guard case .object(var object) = message, case .object(var result)? = object["result"],
            case .object(var info)? = result["serverInfo"]
        else { return message }
        _ = info.removeValue(forKey: "version")
        result["serverInfo"] = .object(info)
        object["result"] = .object(result)
        return .object(object)
    }
}
