import Foundation
import Testing

@testable import Engine

/// HTTP-dates read by hand (RFC 9110 §5.6.7), checked against Foundation's `DateFormatter`.
@Suite struct HTTPDateTests {
    /// 1994-11-06 08:49:37 UTC, the RFC's example moment.
    private static let example = Date(timeIntervalSince1970: 784_111_777)

    @Test("the three forms of the RFC's example all name the same moment")
    func threeForms() {
        #expect(HTTPDate.parse("Sun, 06 Nov 1994 08:49:37 GMT") == Self.example)
        #expect(HTTPDate.parse("Sunday, 06-Nov-94 08:49:37 GMT") == Self.example)
        #expect(HTTPDate.parse("Sun Nov  6 08:49:37 1994") == Self.example)
        #expect(RetryAfter.httpDate("Sun, 06 Nov 1994 08:49:37 GMT") == Self.example)
    }

    @Test("IMF-fixdates agree with DateFormatter across years, months and leap days")
    func agreesWithDateFormatter() {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        var moment = Date(timeIntervalSince1970: 0)
        for _ in 0..<400 {
            let text = formatter.string(from: moment)
            #expect(HTTPDate.parse(text) == formatter.date(from: text), "\(text)")
            moment = moment.addingTimeInterval(86_400 * 47 + 3_723)
        }
        #expect(HTTPDate.parse("Thu, 29 Feb 2024 23:59:59 GMT") == Date(timeIntervalSince1970: 1_709_251_199))
        #expect(HTTPDate.parse("Thu, 01 Jan 1970 00:00:00 GMT") == Date(timeIntervalSince1970: 0))
    }

    @Test("names are read without regard to case, day names short or long, blanks repeated")
    func lenientWhereHarmless() {
        #expect(HTTPDate.parse("sun, 06 nov 1994 08:49:37 gmt") == Self.example)
        #expect(HTTPDate.parse("Sunday, 06 Nov 1994 08:49:37 GMT") == Self.example)
        #expect(HTTPDate.parse("Sun,  06  Nov  1994  08:49:37  GMT") == Self.example)
        #expect(HTTPDate.parse("Sun, 6 Nov 1994 08:49:37 GMT") == Self.example)
        #expect(HTTPDate.parse("Sun, 06 Nov 1994 08:49:37 UTC") == Self.example)
        #expect(HTTPDate.parse("Sun Nov 06 08:49:37 1994") == Self.example)
    }

    @Test("RFC 850 two-digit years more than 50 years ahead fall in the previous century")
    func twoDigitYears() throws {
        let thisYear = Calendar(identifier: .gregorian).component(.year, from: Date())
        let soon = (thisYear + 10) % 100
        let far = (thisYear + 60) % 100
        let soonDate = try #require(HTTPDate.parse("Monday, 01-Jan-\(String(format: "%02d", soon)) 00:00:00 GMT"))
        let farDate = try #require(HTTPDate.parse("Monday, 01-Jan-\(String(format: "%02d", far)) 00:00:00 GMT"))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "GMT"))
        #expect(calendar.component(.year, from: soonDate) == thisYear + 10)
        #expect(calendar.component(.year, from: farDate) == thisYear + 60 - 100)
    }

    @Test("anything that is not an HTTP-date is refused")
    func refusals() {
        let texts = [
            "", "GMT", "120", "Sun, 06 Nov 1994", "Sun, 06 Nov 1994 08:49:37", "Sun, 06 Nov 1994 08:49:37 GMT x",
            "Sun, 06 Nov 1994 08:49:37 PST", "Sun, 30 Feb 1994 08:49:37 GMT", "Sun, 29 Feb 2023 08:49:37 GMT",
            "Sun, 06 Nov 1994 24:00:00 GMT", "Sun, 06 Nov 1994 08:60:00 GMT", "Sun, 06 Nov 1994 08:49:60 GMT",
            "Sun, 06 Foo 1994 08:49:37 GMT", "Sund, 06 Nov 1994 08:49:37 GMT", "Xyz, 06 Nov 1994 08:49:37 GMT",
            "Sun, 006 Nov 1994 08:49:37 GMT", "Sun, 06 Nov 94 08:49:37 GMT", "Sun, 06 Nov 1994 8:49:37 GMT",
            "Sun, 00 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-1994 08:49:37 GMT", "Sun Nov  6 08:49:37 94",
            "Sun Nov  6 08:49:37 1994 GMT", "2026-11-22T07:01:02Z",
        ]
        for text in texts { #expect(HTTPDate.parse(text) == nil, "\(text)") }
    }
}
