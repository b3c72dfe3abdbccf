/// Civil dates in UTC from and to Unix time, by arithmetic alone (the proleptic Gregorian
/// calendar, no leap seconds): what `timegm` and `gmtime_r` give, with no C library and no
/// time zone database.
package enum UTCCalendar {
    /// A UTC date and time of day.
    package struct Parts: Sendable, Equatable {
        /// The year (e.g. 2026).
        package var year: Int
        /// The month, 1–12.
        package var month: Int
        /// The day of the month, 1–31.
        package var day: Int
        /// The hour, 0–23.
        package var hour: Int
        /// The minute, 0–59.
        package var minute: Int
        /// The second, 0–60 (60 only as a leap second written by a vendor; counted as the next minute's 0).
        package var second: Int

        /// Creates the parts.
        package init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
            self.year = year
            self.month = month
            self.day = day
            self.hour = hour
            self.minute = minute
            self.second = second
        }
    }

    /// Seconds since 1970-01-01T00:00:00Z of `parts` (fields out of range roll over, as with `timegm`).
    package static func seconds(from parts: Parts) -> Int64 {
        // Months past 12 or below 1 move the year, as timegm normalises them.
        let monthIndex = parts.month - 1
        let year = parts.year + (monthIndex >= 0 ? monthIndex / 12 : (monthIndex - 11) / 12)
        let month = ((monthIndex % 12) + 12) % 12 + 1
        let days = daysFromCivil(year: year, month: month, day: parts.day)
        return Int64(days) * 86400 + Int64(parts.hour) * 3600 + Int64(parts.minute) * 60 + Int64(parts.second)
    }

    /// The UTC parts of `seconds` since 1970-01-01T00:00:00Z.
    package static func parts(fromSeconds seconds: Int64) -> Parts {
        let days = Int(seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400)
        let secondOfDay = Int(seconds - Int64(days) * 86400)
        let (year, month, day) = civilFromDays(days)
        return Parts(
            year: year, month: month, day: day, hour: secondOfDay / 3600, minute: secondOfDay % 3600 / 60,
            second: secondOfDay % 60)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let shifted = month <= 2 ? year - 1 : year
        let era = (shifted >= 0 ? shifted : shifted - 399) / 400
        let yearOfEra = shifted - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146097 + dayOfEra - 719468
    }

    /// The proleptic Gregorian date `days` after 1970-01-01 (H. Hinnant's `civil_from_days`).
    private static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719468
        let era = (shifted >= 0 ? shifted : shifted - 146096) / 146097
        let dayOfEra = shifted - era * 146097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
