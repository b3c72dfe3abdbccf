import Catalog
import FoundationEssentials

/// Reads how long a vendor asks us to wait: `Retry-After` (seconds or HTTP-date) and reset headers.
package enum RetryAfter {
    /// Seconds to wait according to `Retry-After`, or `nil` when absent or unreadable.
    package static func seconds(from headers: HTTPHeaders, now: Date) -> Double? {
        guard let value = headers["Retry-After"]?.trimmingWhitespace(), !value.isEmpty else {
            return nil
        }
        if let delta = Double(value), delta.isFinite { return max(0, delta) }
        guard let date = httpDate(value) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }

    /// Seconds until a reset header's moment, in the given format (or guessed: small numbers are
    /// deltas, large ones epoch seconds, anything else an HTTP-date).
    package static func seconds(untilReset value: String, format: RateLimitConfig.ResetFormat?, now: Date) -> Double? {
        let text = value.trimmingWhitespace()
        switch format {
        case .epochSeconds?:
            return Double(text).map { max(0, $0 - now.timeIntervalSince1970) }
        case .deltaSeconds?:
            return Double(text).map { max(0, $0) }
        case .httpDate?:
            return httpDate(text).map { max(0, $0.timeIntervalSince(now)) }
        case nil:
            if let number = Double(text) {
                return number > 1_000_000_000 ? max(0, number - now.timeIntervalSince1970) : max(0, number)
            }
            return httpDate(text).map { max(0, $0.timeIntervalSince(now)) }
        }
    }

    /// Parses an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), also accepting RFC 850 and asctime forms.
    package static func httpDate(_ text: String) -> Date? {
        HTTPDate.parse(text)
    }
}
