import Foundation
import Testing

@testable import switchyard

/// The audit log's timestamps, written by hand, checked against Foundation's `DateFormatter`.
@Suite struct RFC3339TimestampTests {
    @Test("a known moment is written in UTC with milliseconds")
    func known() {
        let date = Date(timeIntervalSince1970: 1_795_330_862.123)
        #expect(RFC3339Timestamp.string(from: date) == "2026-11-22T07:01:02.123Z")
        #expect(RFC3339Timestamp.string(from: Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00.000Z")
    }

    @Test("the timestamps match DateFormatter's, rounded to milliseconds, before and after 1970")
    func agreesWithDateFormatter() {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'"
        var moments: [Double] = [0, 0.0009, 0.999, 1.9995, -0.5, -1, -86_400.25, 951_782_400.5, 4_102_444_799.999]
        var moment = -2_000_000_000.123
        for _ in 0..<300 {
            moments.append(moment)
            moment += 23_456_789.0137
        }
        moments.append(Date().timeIntervalSince1970)
        for seconds in moments {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(RFC3339Timestamp.string(from: date) == formatter.string(from: date), "\(seconds)")
        }
    }
}
