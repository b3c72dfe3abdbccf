import FoundationEssentials
import SystemIO

/// Reads HTTP-dates (RFC 9110 §5.6.7) by hand, since Foundation's `DateFormatter` loads ICU.
///
/// Accepts the three forms the RFC asks recipients to accept:
/// - IMF-fixdate: `Sun, 06 Nov 1994 08:49:37 GMT`
/// - RFC 850: `Sunday, 06-Nov-94 08:49:37 GMT` (a two-digit year more than 50 years ahead is
///   taken as the latest past year with those digits)
/// - asctime: `Sun Nov  6 08:49:37 1994`
///
/// Names of days and months are matched without regard to case, the day name in its short or
/// long form and not checked against the date; the zone must be `GMT` (or `UTC`); blanks
/// between fields may be repeated; nothing may follow the date.
package enum HTTPDate {
    /// The moment `text` names, or `nil` when it is not an HTTP-date.
    package static func parse(_ text: String) -> Date? {
        var scanner = Scanner(text)
        guard let dayName = scanner.letters(),
            weekdays.contains(where: { $0 == dayName || $0.prefix(3) == dayName })
        else { return nil }
        let fields: Fields?
        if scanner.skip(UInt8(ascii: ",")) {
            fields = Self.dayFirst(&scanner)
        } else {
            fields = Self.asctime(&scanner)
        }
        guard let fields, scanner.isAtEnd else { return nil }
        return fields.date
    }

    /// The rest of an IMF-fixdate or RFC 850 date, after the day name and its comma.
    private static func dayFirst(_ scanner: inout Scanner) -> Fields? {
        guard scanner.blanks(), let day = scanner.number(digits: 1...2) else { return nil }
        let month: Int
        let year: Int
        if scanner.skip(UInt8(ascii: "-")) {
            guard let name = scanner.month(), scanner.skip(UInt8(ascii: "-")),
                let twoDigits = scanner.number(digits: 2...2)
            else { return nil }
            month = name
            year = fullYear(twoDigits)
        } else {
            guard scanner.blanks(), let name = scanner.month(), scanner.blanks(),
                let fourDigits = scanner.number(digits: 4...4)
            else { return nil }
            month = name
            year = fourDigits
        }
        guard scanner.blanks(), let time = scanner.time(), scanner.blanks(), let zone = scanner.letters(),
            zone == "gmt" || zone == "utc"
        else { return nil }
        return Fields(year: year, month: month, day: day, time: time)
    }

    /// The rest of an asctime date, after the day name.
    private static func asctime(_ scanner: inout Scanner) -> Fields? {
        guard scanner.blanks(), let month = scanner.month(), scanner.blanks(),
            let day = scanner.number(digits: 1...2), scanner.blanks(), let time = scanner.time(), scanner.blanks(),
            let year = scanner.number(digits: 4...4)
        else { return nil }
        return Fields(year: year, month: month, day: day, time: time)
    }

    /// A two-digit year in the century that puts it at most 50 years ahead of now (RFC 9110).
    private static func fullYear(_ twoDigits: Int) -> Int {
        let currentYear = UTCCalendar.parts(fromSeconds: Int64(Date().timeIntervalSince1970.rounded(.down))).year
        var year = currentYear - currentYear % 100 + twoDigits
        if year > currentYear + 50 { year -= 100 }
        return year
    }

    private static let weekdays = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// The numeric fields of a date, checked and turned into a moment.
    private struct Fields {
        let year: Int
        let month: Int
        let day: Int
        let time: (hour: Int, minute: Int, second: Int)

        var date: Date? {
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
            let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
            guard (1...12).contains(month), (1...lengths[month - 1]).contains(day), (0...23).contains(time.hour),
                (0...59).contains(time.minute), (0...59).contains(time.second)
            else { return nil }
            let parts = UTCCalendar.Parts(
                year: year, month: month, day: day, hour: time.hour, minute: time.minute, second: time.second)
            return Date(timeIntervalSince1970: Double(UTCCalendar.seconds(from: parts)))
        }
    }

    /// Reads the date's ASCII fields left to right.
    private struct Scanner {
        private let bytes: [UInt8]
        private var index = 0

        init(_ text: String) { bytes = Array(text.utf8) }

        var isAtEnd: Bool { index == bytes.count }

        /// Skips `byte` if it comes next.
        mutating func skip(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        /// Skips one or more spaces or tabs.
        mutating func blanks() -> Bool {
            let start = index
            while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") {
                index += 1
            }
            return index > start
        }

        /// A run of ASCII letters, lowercased.
        mutating func letters() -> String? {
            let start = index
            while index < bytes.count, (bytes[index] | 0x20) >= UInt8(ascii: "a"),
                (bytes[index] | 0x20) <= UInt8(ascii: "z")
            {
                index += 1
            }
            guard index > start else { return nil }
            return String(decoding: bytes[start..<index].map { $0 | 0x20 }, as: UTF8.self)
        }

        /// A month's three-letter name, as 1 to 12.
        mutating func month() -> Int? {
            guard let name = letters(), let offset = HTTPDate.months.firstIndex(of: name) else { return nil }
            return offset + 1
        }

        /// A decimal number of `digits` digits.
        mutating func number(digits: ClosedRange<Int>) -> Int? {
            let start = index
            var value = 0
            while index < bytes.count, index - start < digits.upperBound, bytes[index] >= UInt8(ascii: "0"),
                bytes[index] <= UInt8(ascii: "9")
            {
                value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
                index += 1
            }
            guard digits.contains(index - start) else { return nil }
            return value
        }

        /// `HH:mm:ss`, two digits each.
        mutating func time() -> (hour: Int, minute: Int, second: Int)? {
            guard let hour = number(digits: 2...2), skip(UInt8(ascii: ":")), let minute = number(digits: 2...2),
                skip(UInt8(ascii: ":")), let second = number(digits: 2...2)
            else { return nil }
            return (hour, minute, second)
        }
    }
}
