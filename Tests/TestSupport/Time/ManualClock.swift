import Foundation
import Synchronization

/// Virtual time for tests of waits (backoff, rate limits, deadlines): no test pays real seconds
/// for a wait, and every wait is known exactly.
///
/// In ``Mode/automatic`` a sleep moves the clock to its deadline and returns at once, so a
/// sequence of retries runs instantly while the instants it observes (and ``waits``) are exact.
/// In ``Mode/manual`` a sleep suspends until ``advance(by:)`` passes its deadline or its task is
/// cancelled, for tests that act *during* a wait (see ``waitForSleepers(_:timeout:)``).
///
/// It has the shape of the engine's clock seam (`now()`, `wallTime()`, `sleep(until:)`); test
/// targets that link the engine declare the conformance (TestSupport does not link libcurl).
package final class ManualClock: Sendable {
    /// How sleeps behave.
    package enum Mode: Sendable {
        /// A sleep jumps the clock to its deadline and returns.
        case automatic
        /// A sleep waits for ``advance(by:)`` or cancellation.
        case manual
    }

    private struct Sleeper {
        let deadline: ContinuousClock.Instant
        let continuation: CheckedContinuation<Bool, Never>
    }

    private struct Watcher {
        let count: Int
        let continuation: CheckedContinuation<Bool, Never>
    }

    private struct State {
        var offset = Duration.zero
        var waits: [Duration] = []
        var sleepers: [UInt64: Sleeper] = [:]
        var cancelledEarly: Set<UInt64> = []
        var watchers: [UInt64: Watcher] = [:]
        var nextID: UInt64 = 0

        mutating func makeID() -> UInt64 {
            nextID += 1
            return nextID
        }
    }

    /// How sleeps behave.
    package let mode: Mode
    /// The instant the clock starts at.
    package let origin = ContinuousClock.now
    /// The wall-clock time at ``origin``: a whole second, so HTTP-dates and epoch seconds are exact.
    package let startDate: Date
    private let state = Mutex(State())

    /// A clock at `startDate` (by default 2027-01-15 08:00:00 UTC) whose sleeps behave as `mode` says.
    package init(mode: Mode = .automatic, startDate: Date = Date(timeIntervalSince1970: 1_800_000_000)) {
        self.mode = mode
        self.startDate = startDate
    }

    /// The current virtual instant.
    package func now() -> ContinuousClock.Instant { origin + elapsed }

    /// The current virtual wall-clock time.
    package func wallTime() -> Date { startDate.addingTimeInterval(Self.seconds(elapsed)) }

    /// How far the clock has moved since it started.
    package var elapsed: Duration { state.withLock { $0.offset } }

    /// Every wait asked of the clock, in order: each sleep's deadline minus the time it was asked at.
    package var waits: [Duration] { state.withLock { $0.waits } }

    /// Sleeps currently suspended (manual mode).
    package var sleeperCount: Int { state.withLock { $0.sleepers.count } }

    /// Waits until `deadline` in virtual time; throws `CancellationError` when the task is cancelled.
    package func sleep(until deadline: ContinuousClock.Instant) async throws(CancellationError) {
        let id = state.withLock { state -> UInt64 in
            state.waits.append(deadline - (origin + state.offset))
            return state.makeID()
        }
        if Task.isCancelled { throw CancellationError() }
        guard mode == .manual else {
            state.withLock { $0.offset = max($0.offset, deadline - origin) }
            await Task.yield()
            return
        }
        let woke = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
                let (resume, watchers) = state.withLock { state -> (Bool?, [CheckedContinuation<Bool, Never>]) in
                    if state.cancelledEarly.remove(id) != nil { return (false, []) }
                    if origin + state.offset >= deadline { return (true, []) }
                    state.sleepers[id] = Sleeper(deadline: deadline, continuation: continuation)
                    return (nil, Self.satisfied(&state))
                }
                if let resume { continuation.resume(returning: resume) }
                for watcher in watchers { watcher.resume(returning: true) }
            }
        } onCancel: {
            let sleeper = state.withLock { state -> Sleeper? in
                guard let sleeper = state.sleepers.removeValue(forKey: id) else {
                    state.cancelledEarly.insert(id)
                    return nil
                }
                return sleeper
            }
            sleeper?.continuation.resume(returning: false)
        }
        state.withLock { _ = $0.cancelledEarly.remove(id) }
        if !woke { throw CancellationError() }
    }

    /// Moves the clock forward by `duration` and wakes every sleep whose deadline has come.
    package func advance(by duration: Duration) {
        let due = state.withLock { state -> [Sleeper] in
            state.offset += duration
            let now = origin + state.offset
            let due = state.sleepers.filter { $0.value.deadline <= now }
            for id in due.keys { state.sleepers.removeValue(forKey: id) }
            return due.values.sorted { $0.deadline < $1.deadline }
        }
        for sleeper in due { sleeper.continuation.resume(returning: true) }
    }

    /// Suspends until at least `count` sleeps are suspended (manual mode) or `timeout` of real
    /// time passes; returns whether they were.
    package func waitForSleepers(_ count: Int, timeout: Duration) async -> Bool {
        let id = state.withLock { $0.makeID() }
        let timer = Task {
            try? await Task.sleep(for: timeout)
            let watcher = state.withLock { $0.watchers.removeValue(forKey: id) }
            watcher?.continuation.resume(returning: false)
        }
        defer { timer.cancel() }
        return await withCheckedContinuation { continuation in
            let ready = state.withLock { state -> Bool in
                if state.sleepers.count >= count { return true }
                state.watchers[id] = Watcher(count: count, continuation: continuation)
                return false
            }
            if ready { continuation.resume(returning: true) }
        }
    }

    /// The watchers whose count the sleepers now reach, removed from the state.
    private static func satisfied(_ state: inout State) -> [CheckedContinuation<Bool, Never>] {
        let count = state.sleepers.count
        let ready = state.watchers.filter { $0.value.count <= count }
        for id in ready.keys { state.watchers.removeValue(forKey: id) }
        return ready.values.map(\.continuation)
    }

    /// A duration in seconds.
    package static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
