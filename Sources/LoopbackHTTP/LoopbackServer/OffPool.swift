/// Runs blocking test work (waiting for a line, an exit, a socket event) on a thread of its own.
///
/// Swift Testing runs test functions on the cooperative pool, which has one thread per core: a
/// test that blocks there for seconds starves every other test running in parallel (on a
/// two-core machine, all of them). Async tests hand their blocking waits to `OffPool.run` instead.
///
/// ```swift
/// let line = await OffPool.run { process.nextLine(timeout: .seconds(20)) }
/// ```
package enum OffPool {
    /// Runs `body` on a new thread and suspends the caller, not a pool thread, until it returns.
    package static func run<Result: Sendable>(
        name: String = "off-pool", _ body: @escaping @Sendable () -> Result
    ) async -> Result {
        await withCheckedContinuation { continuation in
            DedicatedThread.start(name: name) { continuation.resume(returning: body()) }
        }
    }
}
