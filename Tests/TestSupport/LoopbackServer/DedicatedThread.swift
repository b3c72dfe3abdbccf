import Foundation

/// Starts Foundation threads for blocking work that must stay off Swift's cooperative pool.
enum DedicatedThread {
    /// Runs `body` on a new thread with a modest stack, so hundreds of connections stay cheap.
    static func start(name: String, _ body: @escaping @Sendable () -> Void) {
        let thread = Thread(block: body)
        thread.name = name
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// Runs blocking `body` on a new thread and suspends the caller, not a pool thread, until it returns.
    static func run<Result: Sendable>(name: String, _ body: @escaping @Sendable () -> Result) async -> Result {
        await withCheckedContinuation { continuation in
            start(name: name) { continuation.resume(returning: body()) }
        }
    }
}
