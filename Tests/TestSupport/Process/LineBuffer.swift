import Foundation
import Synchronization

/// Lines arriving from a pipe, with blocking waits bounded by a timeout.
final class LineBuffer: Sendable {
    private struct State {
        var lines: [String] = []
        var cursor = 0
        var finished = false
    }

    private let state = Mutex(State())
    private let condition = NSCondition()

    func append(_ line: String) {
        condition.lock()
        state.withLock { $0.lines.append(line) }
        condition.broadcast()
        condition.unlock()
    }

    func finish() {
        condition.lock()
        state.withLock { $0.finished = true }
        condition.broadcast()
        condition.unlock()
    }

    var all: [String] { state.withLock { $0.lines } }

    func next(timeout: Duration) -> String? {
        let deadline = Date().addingTimeInterval(
            Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18)
        condition.lock()
        defer { condition.unlock() }
        while true {
            let result = state.withLock { state -> (String?, Bool) in
                if state.cursor < state.lines.count {
                    state.cursor += 1
                    return (state.lines[state.cursor - 1], true)
                }
                return (nil, state.finished)
            }
            if let line = result.0 { return line }
            if result.1 { return nil }
            if !condition.wait(until: deadline) { return nil }
        }
    }

    func wait(timeout: Duration, until predicate: ([String]) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(
            Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18)
        condition.lock()
        defer { condition.unlock() }
        while true {
            let (lines, finished) = state.withLock { ($0.lines, $0.finished) }
            if predicate(lines) { return true }
            if finished { return false }
            if !condition.wait(until: deadline) { return predicate(state.withLock { $0.lines }) }
        }
    }

    func waitForEOF(timeout: Duration) {
        _ = wait(timeout: timeout) { _ in self.state.withLock { $0.finished } }
    }
}
