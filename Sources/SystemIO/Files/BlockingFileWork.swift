import Catalog
import FoundationEssentials

/// Runs blocking file work (open, read, write, `fsync`, rename) on a thread of its own and
/// suspends the caller meanwhile, so a slow disk never stalls Swift's cooperative pool — which has
/// two threads on a two-core machine.
enum BlockingFileWork {
    /// The value `body` returns, computed on a dedicated thread.
    static func run<Value: Sendable>(_ body: @escaping @Sendable () -> Value) async -> Value {
        await withCheckedContinuation { continuation in
            DetachedThread.start(name: "switchyard-file-io") { continuation.resume(returning: body()) }
        }
    }

    /// Like ``run(_:)`` for work that throws an ``EngineError``.
    static func run<Value: Sendable>(_ body: @escaping @Sendable () throws(EngineError) -> Value)
        async throws(EngineError) -> Value
    {
        let result: Result<Value, EngineError> = await run { Result { () throws(EngineError) in try body() } }
        return try result.get()
    }
}
