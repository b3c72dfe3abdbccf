/// The bench's command line.
struct BenchOptions: Sendable {
    /// Print the results as JSON instead of a table.
    var json = false
    /// A `switchyard` binary to measure instead of building the release product.
    var binary: String?
    /// Run far fewer iterations (a smoke test of the bench itself; figures are not meaningful).
    var quick = false
    /// Run only these scenarios (by id); all when `nil`.
    var only: Set<String>?

    /// The usage text.
    static let usage = """
        usage: swift run -c release switchyard-bench [--json] [--binary PATH] [--quick] [--only ID[,ID]]
          --json          print the results as one JSON object instead of a table
          --binary PATH   measure this switchyard binary instead of building the release product
          --quick         few iterations: checks that the bench runs, figures are not meaningful
          --only IDS      run only these scenarios: cold_start, tools_list, tools_call, concurrency, walk,
                          large_body, discovery
        """

    /// Parses the arguments after the program name.
    static func parse(_ arguments: [String]) throws -> BenchOptions {
        var options = BenchOptions()
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            switch argument {
            case "--json":
                options.json = true
            case "--quick":
                options.quick = true
            case "--binary":
                guard let path = remaining.popFirst() else { throw BenchError("--binary needs a path\n\(usage)") }
                options.binary = path
            case "--only":
                guard let list = remaining.popFirst() else { throw BenchError("--only needs scenario ids\n\(usage)") }
                options.only = Set(list.split(separator: ",").map(String.init))
            case "--help", "-h":
                throw BenchError(usage)
            default:
                throw BenchError("unknown argument '\(argument)'\n\(usage)")
            }
        }
        return options
    }

    /// Whether scenario `id` should run.
    func includes(_ id: String) -> Bool {
        only?.contains(id) ?? true
    }
}
