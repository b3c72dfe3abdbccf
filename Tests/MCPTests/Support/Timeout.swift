/// The generous bound every test waits for an expected event (a loaded 2-core machine is slow).
let eventTimeout = Duration.seconds(30)

/// Runs `operation`, giving up after `timeout`: returns its value, or `nil` when time ran out
/// (the operation is then cancelled and must honour cancellation).
func withTimeout<T: Sendable>(
    timeout: Duration = eventTimeout, _ operation: @escaping @Sendable () async -> T?
) async -> T? {
    await withTaskGroup(of: T?.self) { group in
        group.addTask { await operation() }
        group.addTask {
            try? await Task.sleep(for: timeout)
            return nil
        }
        let first = await group.next() ?? nil
        group.cancelAll()
        return first
    }
}

/// Thrown when an expected event did not happen in time.
struct TimedOut: Error, CustomStringConvertible {
    /// What was awaited.
    var what: String
    /// The failure message.
    var description: String { "timed out waiting for \(what)" }
}
