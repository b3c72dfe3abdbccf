import Foundation

/// Reads a process's peak resident set size from `/proc/PID/status` (Linux only).
enum PeakMemory {
    /// `VmHWM` (peak resident) of process `pid` in bytes, or `nil` when the process is gone or the field is missing.
    static func highWaterMark(of pid: Int32) -> Int? {
        field("VmHWM", of: pid)
    }

    /// `VmRSS` of process `pid` in bytes (resident now), or `nil` when unavailable.
    static func resident(of pid: Int32) -> Int? {
        field("VmRSS", of: pid)
    }

    private static func field(_ name: String, of pid: Int32) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix(name + ":") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 2, let kilobytes = Int(fields[1]) else { return nil }
            return kilobytes * 1024
        }
        return nil
    }
}
