import Foundation
import Synchronization

/// The lines a child wrote to its standard output, kept by JSON-RPC id with the moment each arrived.
///
/// Filled by the reader thread, emptied by the thread that waits for a response; waits are bounded.
final class ResponseInbox: Sendable {
    /// One response line and when the reader had it whole.
    struct Arrival: Sendable {
        /// The line, without its newline.
        let line: [UInt8]
        /// When the read that completed the line returned.
        let at: ContinuousClock.Instant

        /// The line as text.
        var text: String { String(decoding: line, as: UTF8.self) }
    }

    private struct State {
        var responses: [Int: Arrival] = [:]
        var otherLines = 0
        var endedAt: ContinuousClock.Instant?
    }

    private let state = Mutex(State())
    private let condition = NSCondition()

    /// Files a line: a response under its id; any other line (a notification) is only counted.
    func deliver(_ line: [UInt8], at instant: ContinuousClock.Instant) {
        let id = Self.responseID(of: line)
        condition.lock()
        state.withLock { state in
            if let id {
                state.responses[id] = Arrival(line: line, at: instant)
            } else {
                state.otherLines += 1
            }
        }
        condition.broadcast()
        condition.unlock()
    }

    /// Records end of output (the child closed standard output, usually by exiting).
    func end(at instant: ContinuousClock.Instant) {
        condition.lock()
        state.withLock { $0.endedAt = instant }
        condition.broadcast()
        condition.unlock()
    }

    /// Removes and returns the response with `id`, waiting up to `timeout`; `nil` on timeout or end of output.
    func take(_ id: Int, timeout: Duration) -> Arrival? {
        wait(timeout: timeout) { state in
            if let arrival = state.responses.removeValue(forKey: id) { return .some(arrival) }
            return state.endedAt == nil ? nil : .some(nil)
        } ?? nil
    }

    /// When output ended, waiting up to `timeout`; `nil` on timeout.
    func endOfOutput(timeout: Duration) -> ContinuousClock.Instant? {
        wait(timeout: timeout) { $0.endedAt }
    }

    private func wait<Value: Sendable>(timeout: Duration, until check: (inout State) -> Value?) -> Value? {
        let deadline = Date().addingTimeInterval(Double(timeout.milliseconds) / 1000)
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let value = state.withLock({ check(&$0) }) { return value }
            guard condition.wait(until: deadline) else { return state.withLock { check(&$0) } }
        }
    }

    /// The id of a response line: read straight after the fixed `{"jsonrpc":"2.0","id":` prefix
    /// Switchyard writes, else `nil` (notifications, error responses without a numeric id).
    static func responseID(of line: [UInt8]) -> Int? {
        let prefix = Array(#"{"jsonrpc":"2.0","id":"#.utf8)
        guard line.count > prefix.count, line.starts(with: prefix) else { return nil }
        var value = 0
        var digits = 0
        for byte in line[prefix.count...] {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { break }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
            digits += 1
        }
        return digits > 0 ? value : nil
    }
}
