import Synchronization

/// Records the progress notifications a list call reports, in order.
final class ProgressLog: Sendable {
    private let entries = Mutex<[(progress: Double, total: Double?)]>([])

    /// The callback to hand to the engine.
    var callback: @Sendable (Double, Double?) async -> Void {
        { progress, total in self.entries.withLock { $0.append((progress, total)) } }
    }

    /// Every report so far.
    var reports: [(progress: Double, total: Double?)] { entries.withLock { $0 } }
}
