/// How many times each scenario repeats: bounded so the whole bench takes well under two minutes
/// on a two-core machine.
struct IterationPlan: Sendable {
    /// Launches per cold-start measurement (and per floor).
    var coldStarts: Int
    /// `tools/list` listings of the shipped catalogue (and pings for its floor).
    var shippedListings: Int
    /// `tools/list` listings of the 1,000-tool catalogue.
    var largeListings: Int
    /// Unmeasured calls before the measured ones.
    var warmUpCalls: Int
    /// Measured `tools/call` round trips (and direct GETs for the floor), in ``rounds`` interleaved rounds.
    var calls: Int
    /// How many alternating rounds the calls and walks are split into.
    var rounds: Int
    /// Rounds of 50 concurrent slow calls.
    var concurrencyRounds: Int
    /// Measured 10,000-item walks (and direct walks).
    var walks: Int
    /// Calls returning the 20 MB body.
    var largeBodyCalls: Int

    /// The full plan.
    static let standard = IterationPlan(
        coldStarts: 60, shippedListings: 1000, largeListings: 300, warmUpCalls: 500, calls: 10000, rounds: 10,
        concurrencyRounds: 20, walks: 40, largeBodyCalls: 3)

    /// A smoke-test plan.
    static let quick = IterationPlan(
        coldStarts: 3, shippedListings: 10, largeListings: 5, warmUpCalls: 10, calls: 60, rounds: 2,
        concurrencyRounds: 2, walks: 2, largeBodyCalls: 1)
}
