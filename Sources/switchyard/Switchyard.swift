import Engine
import FoundationEssentials
import SystemIO

/// The `switchyard` command: parses the command line and runs the command it names.
@main
enum Switchyard {
    static func main() async {
        ProcessSignals.ignoreBrokenPipe()
        MemoryRelease.configure()
        let status: Int32
        do {
            status = try await run(Invocation.parse(Array(CommandLine.arguments.dropFirst())))
        } catch {
            StandardError.write("switchyard: \(error.message)")
            status = 2
        }
        await Logger.flushStandardError()
        FileDescriptor.exitProcess(status)
    }

    private static func run(_ invocation: Invocation) async throws(UsageError) -> Int32 {
        let environment = ProcessInfo.processInfo.environment
        switch invocation {
        case .help:
            StandardOutput.write(Invocation.helpText)
            return 0
        case .version:
            StandardOutput.write("switchyard \(Version.current)")
            return 0
        case .validate(let paths):
            return ValidateCommand.run(paths: paths)
        case .commandHelp(let command):
            StandardOutput.write(CommandHelp.text(for: command) ?? Invocation.helpText)
            return 0
        case .tools(let options):
            try options.checkPaths(environment: environment)
            return try ToolsCommand.run(options, environment: environment)
        case .doctor(let options):
            try options.checkPaths(environment: environment)
            return try await DoctorCommand.run(options, environment: environment)
        case .call(let tool, let arguments, let options):
            try options.checkPaths(environment: environment)
            return try await CallCommand.run(
                tool: tool, arguments: arguments, options: options, environment: environment)
        case .serve(let options):
            try options.checkPaths(environment: environment)
            return try await ServeCommand.run(options, environment: environment)
        case .demo(let options):
            return try await DemoCommand.run(options)
        case .importDocument(let arguments):
            return try ImportCommand.run(arguments)
        }
    }
}
