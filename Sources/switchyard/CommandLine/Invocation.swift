/// What the command line asks for: a command and its options.
enum Invocation: Sendable {
    case serve(Options)
    case tools(Options)
    case call(tool: String, arguments: String?, options: Options)
    case validate(paths: [String])
    case demo(Options)
    /// `switchyard import …`: the arguments after `import`, parsed by ``ImportCommand``.
    case importDocument([String])
    /// `switchyard doctor`: files, variables and a live credential check per integration.
    case doctor(Options)
    /// `switchyard COMMAND --help`: that command's page (``CommandHelp``).
    case commandHelp(String)
    case help
    case version

    /// Parses the arguments after the program name.
    static func parse(_ arguments: [String]) throws(UsageError) -> Invocation {
        guard let first = arguments.first else { return .serve(Options()) }
        if CommandHelp.text(for: first) != nil, arguments.dropFirst().contains(where: { $0 == "--help" || $0 == "-h" })
        {
            return .commandHelp(first)
        }
        switch first {
        case "--help", "-h", "help": return .help
        case "--version", "-V", "version": return .version
        case "validate":
            var paths: [String] = []
            for argument in arguments.dropFirst() {
                if argument == "--help" { return .help }
                if argument.hasPrefix("--") { throw UsageError("validate takes paths only, not \(argument)") }
                paths.append(argument)
            }
            return .validate(paths: paths)
        case "tools":
            let parsed = try options(Array(arguments.dropFirst()), allowJSON: true).options
            if parsed.limit != nil, parsed.search == nil { throw UsageError("--limit goes with --search QUERY") }
            if parsed.schema != nil, parsed.search != nil { throw UsageError("--schema and --search go one at a time") }
            return .tools(parsed)
        case "import":
            return .importDocument(Array(arguments.dropFirst()))
        case "doctor":
            let parsed = try options(Array(arguments.dropFirst()), allowJSON: false).options
            let refused: [(String, Bool)] = [
                ("--tags", parsed.tags != nil), ("--tools", parsed.tools != nil), ("--read-only", parsed.readOnly),
                ("--discovery", parsed.discovery != nil),
                ("--pin", !parsed.pins.isEmpty),
            ]
            if let (name, _) = refused.first(where: { $0.1 }) {
                throw UsageError("doctor does not take \(name): it checks whole integrations (see doctor --help)")
            }
            return .doctor(parsed)
        case "demo":
            return .demo(try options(Array(arguments.dropFirst()), allowJSON: false).options)
        case "call":
            let (parsed, positional) = try options(
                Array(arguments.dropFirst()), allowJSON: false, positional: true, allowYes: true)
            guard let tool = positional.first else {
                throw UsageError("call needs a tool name: switchyard call TOOL [ARGS|-]")
            }
            guard positional.count <= 2 else {
                throw UsageError("call takes one tool and one JSON object, got \(positional.count) arguments")
            }
            return .call(tool: tool, arguments: positional.count == 2 ? positional[1] : nil, options: parsed)
        case "serve":
            return .serve(try options(Array(arguments.dropFirst()), allowJSON: false).options)
        default:
            if first.hasPrefix("--") { return .serve(try options(arguments, allowJSON: false).options) }
            throw UsageError(
                "unknown command '\(first)' (commands: serve, tools, call, validate, doctor, demo, import; see --help)")
        }
    }

    private static func options(
        _ arguments: [String], allowJSON: Bool, positional allowed: Bool = false, allowYes: Bool = false
    ) throws(UsageError) -> (options: Options, positional: [String]) {
        var options = Options()
        var positional: [String] = []
        var index = 0
        while index < arguments.count {
            if arguments[index] == "--help" { throw UsageError("--help goes first: switchyard --help") }
            if arguments[index] != "-",
                try options.parse(arguments, at: &index, allowJSON: allowJSON, allowYes: allowYes)
            {
                continue
            }
            guard allowed else { throw UsageError("unexpected argument '\(arguments[index])'") }
            positional.append(arguments[index])
            index += 1
        }
        return (options, positional)
    }

    /// The text of `switchyard --help`.
    static let helpText = """
        switchyard — an MCP server that turns declarative API descriptions into safe, paginated, retried tools.

        usage:
          switchyard [serve] [OPTIONS]            run the MCP server on stdin/stdout (the default)
          switchyard tools [OPTIONS] [--json]     list the exposed tools with a token estimate
          switchyard tools --schema NAME          one tool's full definition, as tools/list gives it
          switchyard tools --search "QUERY" [--limit N] [--json]
                                                  rank the exposed tools for a task, as search_tools does
          switchyard call TOOL [ARGS|-] [OPTIONS] run one tool call; ARGS is a JSON object or - for stdin
                                                  exit 0 ok, 1 tool error, 2 usage error
          switchyard validate [PATH ...]          check integration files (FILE:POINTER: severity: message)
          switchyard doctor [--only NAME]         files, variables and a live credential check per integration
          switchyard demo                         an offline walk-through replaying a recorded session
          switchyard import openapi FILE.json [--name N] [--include RX] [--exclude RX] [--base-url URL]
                                                  a draft integration file on stdout (see import --help)
          switchyard COMMAND --help               that command's usage, options and examples
          switchyard --help | --version

        options (serve, tools, call; demo takes --integrations, --max-output-bytes, --transcript,
        --audit-log and --log-level):
          --integrations PATH     directory of *.json integration files, or one file (repeatable;
                                  default $SWITCHYARD_INTEGRATIONS, colon-separated, else ./Integrations)
          --only NAME[,NAME]      load only these integrations; NAME:ACCOUNT keeps one account
                                  of an integration (accounts: variables with a __ACCOUNT suffix)
          --tags TAG[,TAG]        expose only tools carrying one of these tags
          --tools NAME[,NAME]     expose only these tools
          --read-only             expose and execute only list, get and search tools
          --discovery all|search  serve: list every tool (all, the default) or only search_tools,
                                  describe_tools, call_read_tool and call_write_tool (search);
                                  default $SWITCHYARD_DISCOVERY, else all
          --pin NAME[,NAME]       with --discovery search, also list these tools in full
          --max-output-bytes N    size budget of one tool result's text (default 50000)
          --record FILE           append every HTTP exchange, secrets redacted, to FILE
          --replay FILE           serve HTTP from a recording instead of the network
          --transcript FILE       append every JSON-RPC line read and written to FILE
          --audit-log FILE        append one JSON line per tool call to FILE
          --state-dir DIR         where OAuth tokens and the cursor key are kept
          --shutdown-grace-ms N   (serve) after SIGTERM/SIGINT, how long calls in flight may finish
                                  before they are answered "cancelled" (default 5000)
          --state-store URL       redis://[[USER]:PASSWORD@]HOST:PORT[/DB]: OAuth tokens and rate
                                  budgets shared by every process (default $SWITCHYARD_STATE_STORE,
                                  else the state directory); TLS is not supported
          --log-level LEVEL       debug, info, warning (default) or error; logs go to stderr
          --confirm POLICY        which calls a person confirms first: destructive (default: kind
                                  delete and operations marked "confirm": true), writes (every
                                  non-read), none (unattended use)
          --yes                   (call) confirm in advance instead of being asked on the terminal

        integration files are looked for in: --integrations, else $SWITCHYARD_INTEGRATIONS, else
        ./Integrations, else PREFIX/share/switchyard/Integrations beside PREFIX/bin/switchyard, else
        the Integrations/ of the checkout the binary was built in.

        environment:
          SWITCHYARD_INTEGRATIONS the integration paths, colon-separated (when --integrations is absent)
          SWITCHYARD_DISCOVERY    all or search (when --discovery is absent)
          SWITCHYARD_CURSOR_KEY   hex HMAC key sealing cursors and request state (default: cursor.key in
                                  the state directory)
          XDG_STATE_HOME, HOME    the state directory: $XDG_STATE_HOME/switchyard, else ~/.local/state/switchyard
          VENDOR VARIABLES        what the integration files read with ${NAME}, e.g. GITHUB_TOKEN,
                                  GITHUB_API_URL, SLACK_BOT_TOKEN, STRIPE_API_KEY (switchyard tools and
                                  switchyard doctor name the ones that are unset)
        """
}
