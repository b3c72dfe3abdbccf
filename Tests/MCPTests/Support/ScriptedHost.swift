import JSON
import MCP
import Synchronization

/// A ``ToolHost`` scripted for tests.
///
/// Tools: `echo` (returns its arguments as text and structured content, marked as the same JSON), `fail` (an `isError`
/// result), `slow` (waits for ``release`` or for cancellation, recording both), `progress`
/// (reports 1, 2, 3 of 3, then keeps its reporter for the test to misuse after the response),
/// `numbered_N` filler tools from ``init(fillerCount:)``. Any other name is unknown (`nil`).
final class ScriptedHost: ToolHost {
    /// Fires when a `slow` call starts.
    let slowStarted = Signal()
    /// Fires when a `slow` call observes its cancellation.
    let slowCancelled = Signal()
    /// Fire to let a `slow` call finish normally.
    let release = Signal()
    /// Fires when a `slow` call returns, however it ended.
    let slowReturned = Signal()

    private let toolList: Mutex<[ToolDescriptor]>
    private let keptReporter = Mutex<(@Sendable (Double, Double?) async -> Void)?>(nil)
    private let triggers = Inbox<Void>()
    private let pulls = Inbox<Void>()

    /// Creates the host with the scripted tools plus `fillerCount` plain ones.
    init(fillerCount: Int = 0) {
        var tools = [Self.richTool, Self.plain("fail"), Self.plain("slow"), Self.plain("progress")]
        tools += (0..<fillerCount).map { Self.plain("numbered_\($0)") }
        toolList = Mutex(tools)
    }

    /// `echo`, with every optional field set, to check per-revision filtering.
    static let richTool = ToolDescriptor(
        name: "echo", title: "Echo", description: "Returns its arguments.",
        inputSchema: ["type": "object", "properties": ["text": ["type": "string"]]],
        outputSchema: ["type": "object"],
        annotations: ["readOnlyHint": true, "openWorldHint": false])

    private static func plain(_ name: String) -> ToolDescriptor {
        ToolDescriptor(name: name, description: "The \(name) tool.", inputSchema: ["type": "object"])
    }

    /// Waits until the server watches for changes (its first request for the next change).
    func waitUntilWatched() async throws {
        let pulls = self.pulls
        guard await withTimeout({ await pulls.next() }) != nil else { throw TimedOut(what: "the change watcher") }
    }

    /// Replaces the tool list, announces the change, and returns once the server has handled it
    /// (it asked for the next change). Call ``waitUntilWatched()`` once before the first change.
    func replaceTools(_ tools: [ToolDescriptor]) async throws {
        toolList.withLock { $0 = tools }
        triggers.append(())
        try await waitUntilWatched()
    }

    /// The reporter the last `progress` call was given.
    var lastReporter: (@Sendable (Double, Double?) async -> Void)? { keptReporter.withLock { $0 } }

    func tools() -> [ToolDescriptor] {
        toolList.withLock { $0 }
    }

    /// Yields once per ``replaceTools(_:)``; each request for the next element is recorded, so a
    /// test knows when the previous one was fully handled.
    func changes() -> AsyncStream<Void> {
        let (pulls, triggers) = (self.pulls, self.triggers)
        return AsyncStream(unfolding: {
            pulls.append(())
            return await triggers.next()
        })
    }

    func call(_ name: String, arguments: JSONObject, context: ToolCallContext) async -> ToolResult? {
        switch name {
        case "echo":
            return ToolResult(encoding: .object(arguments))
        case "fail":
            return ToolResult(
                text: "The vendor refused.", structuredContent: ["error": ["type": "forbidden"]], isError: true)
        case "slow":
            slowStarted.fire()
            await release.wait()
            defer { slowReturned.fire() }
            if Task.isCancelled {
                // Misbehave on purpose: the server must not send this after the cancellation.
                await context.progress?(99, nil)
                slowCancelled.fire()
                return ToolResult(text: "cancelled", isError: true)
            }
            return ToolResult(text: "slow done")
        case "progress":
            keptReporter.withLock { $0 = context.progress }
            for step in 1...3 { await context.progress?(Double(step), 3) }
            return ToolResult(text: "counted to 3")
        default:
            return toolList.withLock { $0.contains { $0.name == name } } ? ToolResult(text: "ok") : nil
        }
    }
}
