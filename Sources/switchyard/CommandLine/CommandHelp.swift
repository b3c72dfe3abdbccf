/// The text of `switchyard COMMAND --help`: that command's usage, options and two examples.
enum CommandHelp {
    /// The help of `command`, or `nil` for a command without its own page (`import` prints its own).
    static func text(for command: String) -> String? {
        switch command {
        case "serve": return serve
        case "tools": return tools
        case "call": return call
        case "validate": return validate
        case "doctor": return doctor
        case "demo": return demo
        default: return nil
        }
    }

    /// Where the integration files are looked for, as every page says it.
    static let searchOrder = """
        integration files: --integrations PATH (repeatable), else $SWITCHYARD_INTEGRATIONS (colon-separated),
        else ./Integrations, else the shipped directory of the installation (PREFIX/share/switchyard/Integrations
        beside PREFIX/bin/switchyard), else the Integrations/ of the checkout the binary was built in.
        """

    /// The options that choose what is loaded and exposed, shared by serve, tools and call.
    static let filterOptions = """
          --integrations PATH     directory of *.json integration files, or one file (repeatable)
          --only NAME[,NAME]      load only these integrations
          --tags TAG[,TAG]        expose only tools carrying one of these tags
          --tools NAME[,NAME]     expose only these tools
          --read-only             expose and execute only list, get and search tools
        A filter value that names no integration, tool or tag is a usage error (exit 2).
        """

    static let serve = """
        usage: switchyard [serve] [OPTIONS]

        Runs the MCP server on stdin/stdout (JSON-RPC 2.0, one message a line; logs on stderr). Integrations
        whose variables are unset are left out; initialize's instructions say which and what to set.

        \(filterOptions)
          --discovery all|search  list every tool (default), or search_tools, describe_tools, call_read_tool
                                  and call_write_tool only; default $SWITCHYARD_DISCOVERY, else all
          --pin NAME[,NAME]       with --discovery search, also list these tools in full
          --confirm POLICY        destructive (default), writes or none: which calls a person confirms
          --max-output-bytes N    size budget of one tool result's text (default 50000)
          --record FILE | --replay FILE   record HTTP exchanges, or serve them from a recording
          --transcript FILE       append every JSON-RPC line read and written to FILE
          --audit-log FILE        append one JSON line per tool call to FILE
          --state-dir DIR         where OAuth tokens and the cursor key are kept
          --state-store URL       redis://…: OAuth tokens and rate budgets shared by a fleet
          --shutdown-grace-ms N   after SIGTERM/SIGINT, how long calls in flight may finish (default 5000)
          --log-level LEVEL       debug, info, warning (default) or error

        \(searchOrder)

        examples:
          switchyard serve --only github --read-only
          printf '%s\\n' '{"jsonrpc":"2.0","id":1,"method":"tools/list"}' | switchyard serve --only github

        exit status: 0 after stdin closes, 2 usage error
        """

    static let tools = """
        usage: switchyard tools [OPTIONS] [--json]
               switchyard tools --schema NAME
               switchyard tools --search "QUERY" [--limit N] [--json]

        Lists every tool of the integration files (of the --only integrations) with its status — ready,
        needs VARIABLES, filtered out — kind, tags and the tokens its definition costs (bytes/4). No
        credentials are needed to browse. --schema prints one tool's full definition as tools/list gives
        it (name, description, inputSchema, outputSchema, annotations): the arguments for call.

        \(filterOptions)
          --json                  one JSON object: tools (with status and missing), total_tokens of the ready ones
          --schema NAME           one tool's definition
          --search QUERY          rank the ready tools for a task, as search_tools does (--limit N, 1-100)

        \(searchOrder)

        examples:
          switchyard tools --only github
          switchyard tools --schema github_issues_list

        exit status: 0, or 2 for a usage error (an unknown tool or filter value)
        """

    static let call = """
        usage: switchyard call TOOL [ARGS|-] [OPTIONS]

        Runs one tool call and prints its result as JSON. ARGS is a JSON object (- reads it from stdin);
        switchyard tools --schema TOOL shows the arguments. Only the integration that owns TOOL is loaded.
        A call that needs confirmation asks on the terminal.

        \(filterOptions)
          --yes                   confirm in advance instead of being asked
          --confirm POLICY        destructive (default), writes or none
          --record FILE | --replay FILE, --audit-log FILE, --max-output-bytes N, --state-dir DIR, --log-level LEVEL

        examples:
          switchyard call github_issues_list '{"owner": "swiftlang", "repo": "swift", "limit": 5}'
          echo '{"query": "is:open label:bug"}' | switchyard call github_search_issues - --read-only

        exit status: 0 ok, 1 the tool returned an error, 2 usage error (unknown tool, a tool that is not
        served says why: "needs GITHUB_TOKEN", "hidden by --read-only")
        """

    static let validate = """
        usage: switchyard validate [PATH ...]

        Checks integration files (directories of *.json, or files) and prints one diagnostic a line,
        FILE:POINTER: error|warning: message (the pointer is empty for the whole file, FILE:: …), then a
        summary on stderr. Unset variables do not leave a file out here: they are listed with what to set.

        \(searchOrder)

        examples:
          switchyard validate
          switchyard validate Integrations/acme.json

        exit status: 0 no errors (warnings allowed), 1 errors
        """

    static let doctor = """
        usage: switchyard doctor [--only NAME[,NAME]] [--integrations PATH] [--record FILE | --replay FILE]

        For each integration: is its file valid, are its variables set, and do its credentials work? The
        live check calls the operation the file marks "check": true (a cheap identity call: GitHub GET /user,
        Slack auth.test, Stripe GET /v1/balance) and reports ok, unauthorized, forbidden, network, timeout
        (or another error type) with the vendor's message. Under --replay the check is answered from the
        recording.

          --only NAME[,NAME]      check only these integrations
          --integrations PATH     directory of *.json integration files, or one file (repeatable)
          --record FILE           append the checks' HTTP exchanges, secrets redacted, to FILE
          --replay FILE           answer the checks from a recording
          --state-dir DIR         where OAuth tokens are kept
          --log-level LEVEL       debug, info, warning (default) or error

        \(searchOrder)

        examples:
          switchyard doctor
          GITHUB_TOKEN=ghp_… switchyard doctor --only github

        exit status: 0 every selected integration ok, 1 otherwise, 2 usage error
        """

    static let demo = """
        usage: switchyard demo [--integrations PATH] [--transcript FILE] [--audit-log FILE] [--log-level LEVEL]

        An offline, credential-free walk-through: replays the recorded GitHub session shipped in
        Integrations/demo through the real server code path and narrates each step.

        examples:
          switchyard demo
          switchyard demo --transcript /tmp/demo.jsonl

        exit status: 0, or 2 when the recorded session cannot be found
        """
}
