import Foundation

/// Reads the CPU time a process has used from `/proc/PID/stat` (Linux only).
enum ProcessCPU {
    /// User plus system CPU time of process `pid` (all its threads) in milliseconds, or `nil` when unreadable.
    ///
    /// The kernel counts in clock ticks (usually 10 ms), so only differences over many
    /// operations are meaningful.
    static func milliseconds(of pid: Int32) -> Double? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        // After the command name: state is field 3, utime field 14, stime field 15.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        return (user + system) * 1000 / max(ticks, 1)
    }
}
