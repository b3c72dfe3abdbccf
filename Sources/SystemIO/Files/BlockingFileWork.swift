/// Runs blocking file work (open, read, write, `fsync`, rename) on the process's one file worker
/// thread and suspends the caller meanwhile, so a slow disk never stalls Swift's cooperative pool
/// — which has two threads on a two-core machine. Work runs in submission order.
package enum BlockingFileWork {
    /// The thread all file work runs on.
    static let worker = WorkerThread(name: "switchyard.files")

    /// The value `body` returns, computed on the file worker thread.
    package static func run<Value: Sendable>(_ body: @escaping @Sendable () -> Value) async -> Value {
        await withCheckedContinuation { continuation in
            worker.submit { continuation.resume(returning: body()) }
        }
    }

    /// Like ``run(_:)`` for work that throws a typed error.
    package static func run<Value: Sendable, Failure: Error>(
        _ body: @escaping @Sendable () throws(Failure) -> Value
    ) async throws(Failure) -> Value {
        let result: Result<Value, Failure> = await run { Result { () throws(Failure) in try body() } }
        return try result.get()
    }
}
