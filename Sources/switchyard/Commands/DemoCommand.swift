/// `switchyard demo`: an offline walk-through replaying a recorded session.
enum DemoCommand {
    static func run(_ options: Options) async throws(UsageError) -> Int32 {
        throw UsageError("demo is being wired to the recorded session")
    }
}
