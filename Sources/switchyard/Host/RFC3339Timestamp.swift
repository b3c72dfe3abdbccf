import FoundationEssentials
import SystemIO

/// Writes moments as RFC 3339 UTC timestamps with milliseconds (`2026-11-22T07:01:02.123Z`) by
/// hand, since Foundation's `DateFormatter` loads ICU.
enum RFC3339Timestamp {
    /// The timestamp of `date`, rounded to the nearest millisecond as `DateFormatter` did. A moment
    /// too far out to represent is written as the Unix epoch.
    static func string(from date: Date) -> String {
        let total = Int64(exactly: (date.timeIntervalSince1970 * 1000).rounded()) ?? 0
        let milliseconds = Int((total % 1000 + 1000) % 1000)
        let parts = UTCCalendar.parts(fromSeconds: (total - Int64(milliseconds)) / 1000)
        guard (0...9999).contains(parts.year) else { return "1970-01-01T00:00:00.000Z" }
        return padded(parts.year, 4) + "-" + padded(parts.month, 2) + "-" + padded(parts.day, 2) + "T"
            + padded(parts.hour, 2) + ":" + padded(parts.minute, 2) + ":" + padded(parts.second, 2) + "."
            + padded(milliseconds, 3) + "Z"
    }

    /// The number in decimal with leading zeros up to `width` digits.
    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count < width ? String(repeating: "0", count: width - digits.count) + digits : digits
    }
}
