import Dispatch
import Foundation

extension Duration {
    /// The duration in seconds as a `TimeInterval`, for Foundation and Dispatch APIs.
    var timeInterval: TimeInterval {
        let (seconds, attoseconds) = components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }

    /// The duration in whole milliseconds, rounded up and clamped to `0...Int32.max`, for `poll`.
    var pollMilliseconds: Int32 {
        let (seconds, attoseconds) = components
        guard seconds >= 0 else { return 0 }
        let milliseconds = seconds.multipliedReportingOverflow(by: 1000)
        guard !milliseconds.overflow else { return Int32.max }
        let roundedUp = milliseconds.partialValue + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(clamping: roundedUp)
    }

    /// A Dispatch deadline this far from now (clamped to a day, which no test waits for).
    var dispatchDeadline: DispatchTime {
        let nanoseconds = min(timeInterval, 86_400) * 1e9
        return .now() + .nanoseconds(Int(max(0, nanoseconds)))
    }
}
