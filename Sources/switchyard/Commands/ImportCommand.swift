import Catalog
import FoundationEssentials
import SystemIO

/// `switchyard import openapi FILE.json [--name N] [--include RX] [--exclude RX] [--base-url URL]`:
/// a draft integration file on stdout, warnings on stderr.
///
/// Exit 0 with a draft; 1 when the document was read but nothing could be imported; 2 for a usage
/// error or a document that cannot be read as OpenAPI 3 JSON.
enum ImportCommand {
    /// Runs the command with the arguments after `import`.
    static func run(_ arguments: [String]) throws(UsageError) -> Int32 {
        guard let format = arguments.first else {
            throw UsageError(
                "import needs a format and a file: switchyard import openapi FILE.json (see import --help)")
        }
        if format == "--help" || format == "-h" {
            StandardOutput.write(helpText)
            return 0
        }
        guard format == "openapi" else {
            throw UsageError("import reads 'openapi' documents only, not '\(format)' (see import --help)")
        }
        var options = ImportOptions()
        var file: String?
        var index = 1
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--help" || argument == "-h" {
                StandardOutput.write(helpText)
                return 0
            }
            let (flag, inlineValue) = split(argument)
            if ["--name", "--include", "--exclude", "--base-url"].contains(flag) {
                let value: String
                if let inlineValue {
                    value = inlineValue
                } else {
                    index += 1
                    guard index < arguments.count else { throw UsageError("\(flag) needs a value") }
                    value = arguments[index]
                }
                switch flag {
                case "--name": options.name = value
                case "--include": options.include = value
                case "--exclude": options.exclude = value
                default: options.baseURL = value
                }
            } else if argument.hasPrefix("--") {
                throw UsageError("unknown option '\(argument)' for import openapi (see import openapi --help)")
            } else if file == nil {
                file = argument
            } else {
                throw UsageError("import openapi takes one file, got '\(file ?? "")' and '\(argument)'")
            }
            index += 1
        }
        guard let file else { throw UsageError("import openapi needs a file: switchyard import openapi FILE.json") }
        let bytes = try read(file)
        do {
            let result = try OpenAPIImporter(options: options).draft(from: bytes, file: file)
            for warning in result.warnings { StandardError.write(warning.description) }
            FileDescriptor.writeAll(Array(result.text.utf8), to: FileDescriptor.standardOutput)
            let name = result.integration["name"]?.stringValue ?? "?"
            let count = result.warnings.count
            StandardError.write(
                "switchyard: \(result.operationCount) operation\(result.operationCount == 1 ? "" : "s") imported "
                    + "as integration '\(name)'; \(count) warning\(count == 1 ? "" : "s"). "
                    + "Save the draft in your integrations directory and run switchyard validate on it.")
            return 0
        } catch {
            StandardError.write("switchyard: import openapi: \(file): \(error.message)")
            return error.exitStatus
        }
    }

    /// `--flag=value` as its two halves; `--flag` alone with no value.
    private static func split(_ argument: String) -> (String, String?) {
        guard argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") else { return (argument, nil) }
        return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
    }

    /// The document's bytes; `-` reads standard input.
    private static func read(_ file: String) throws(UsageError) -> [UInt8] {
        let limit = 128 << 20
        if file == "-" {
            let data = readStandardInput(limit: limit + 1)
            guard data.count <= limit else { throw UsageError("import openapi: standard input is larger than 128 MiB") }
            return data
        }
        var isDirectory = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), !isDirectory else {
            throw UsageError("import openapi: \(file): no such file")
        }
        if let size = (try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? Int, size > limit {
            throw UsageError("import openapi: \(file): larger than 128 MiB")
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw UsageError("import openapi: \(file): cannot be read")
        }
        return Array(data)
    }

    /// Standard input up to its end, a read error, or `limit` bytes.
    private static func readStandardInput(limit: Int) -> [UInt8] {
        FileDescriptor.readToEnd(FileDescriptor.standardInput, limit: limit)
    }

    /// The text of `switchyard import --help`.
    static let helpText = """
        usage: switchyard import openapi FILE.json [--name NAME] [--include REGEX] [--exclude REGEX] [--base-url URL]

        Writes a draft integration file to stdout (warnings on stderr) from an OpenAPI 3.0/3.1 JSON
        document (FILE may be - for stdin): one tool per path and method, kinds and names from the
        paths, parameters from path, query and header parameters and the request body's top-level
        properties, auth from securitySchemes, and pagination guessed where the parameters show it.
        The draft validates as it stands; read the warnings and the "x-todo" notes, then edit it.

          --name NAME        integration name, [a-z][a-z0-9_]* (default: from the server's host)
          --include REGEX    keep only operations whose "METHOD /path" or operationId matches
          --exclude REGEX    leave out operations whose "METHOD /path" or operationId matches
          --base-url URL     the default vendor URL (default: the document's first server)

        YAML is not read: convert it first, e.g. yq -o=json . api.yaml > api.json

        examples:
          switchyard import openapi api.github.com.json --name github --include '/repos/\\{owner\\}/\\{repo\\}/issues' > Integrations/github_issues.json
          switchyard import openapi spec3.json --name stripe --include '^(GET|POST) /v1/customers' --exclude delete > Integrations/stripe_customers.json

        exit status: 0 draft written, 1 nothing could be imported, 2 usage error or unreadable document
        """
}
