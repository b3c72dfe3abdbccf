/// `switchyard serve`: the MCP server on stdin/stdout.
enum ServeCommand {
    static func run(_ options: Options) async throws(UsageError) -> Int32 {
        throw UsageError("serve is being wired to the MCP session")
    }
}
