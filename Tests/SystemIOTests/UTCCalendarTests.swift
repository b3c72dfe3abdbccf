import Glibc
import SystemIO
import Testing

/// Civil UTC dates by arithmetic, checked against the C library's `timegm` and `gmtime_r`.
@Suite struct UTCCalendarTests {
    @Test("known moments convert both ways")
    func vectors() {
        let cases: [(Int64, UTCCalendar.Parts)] = [
            (0, .init(year: 1970, month: 1, day: 1)),
            (951_782_400, .init(year: 2000, month: 2, day: 29)),
            (1_798_761_599, .init(year: 2026, month: 12, day: 31, hour: 23, minute: 59, second: 59)),
            (-1, .init(year: 1969, month: 12, day: 31, hour: 23, minute: 59, second: 59)),
            (-2_208_988_800, .init(year: 1900, month: 1, day: 1)),
            (253_402_300_799, .init(year: 9999, month: 12, day: 31, hour: 23, minute: 59, second: 59)),
        ]
        for (seconds, parts) in cases {
            #expect(UTCCalendar.parts(fromSeconds: seconds) == parts, "\(seconds)")
            #expect(UTCCalendar.seconds(from: parts) == seconds, "\(parts)")
        }
    }

    @Test("agrees with gmtime_r and timegm over 20,000 random moments from 1600 to 2400")
    func parity() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            var seconds = time_t(Int64.random(in: -11_676_096_000...13_569_465_600, using: &generator))
            var broken = tm()
            guard gmtime_r(&seconds, &broken) != nil else { continue }
            let expected = UTCCalendar.Parts(
                year: Int(broken.tm_year) + 1900, month: Int(broken.tm_mon) + 1, day: Int(broken.tm_mday),
                hour: Int(broken.tm_hour), minute: Int(broken.tm_min), second: Int(broken.tm_sec))
            let parts = UTCCalendar.parts(fromSeconds: Int64(seconds))
            #expect(parts == expected, "\(seconds)")
            #expect(UTCCalendar.seconds(from: parts) == Int64(timegm(&broken)))
            if parts != expected { return }
        }
    }

    @Test("months outside 1–12 roll the year over, as timegm does")
    func monthRollover() {
        #expect(
            UTCCalendar.seconds(from: .init(year: 2025, month: 13, day: 1))
                == UTCCalendar.seconds(from: .init(year: 2026, month: 1, day: 1)))
        #expect(
            UTCCalendar.seconds(from: .init(year: 2026, month: 0, day: 1))
                == UTCCalendar.seconds(from: .init(year: 2025, month: 12, day: 1)))
    }
}
