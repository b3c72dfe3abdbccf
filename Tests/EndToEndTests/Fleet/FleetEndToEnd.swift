import Testing

/// The parent of the fleet suites (shared state on a real Redis, several `switchyard serve`
/// processes, accounts), run one test at a time like the other serve suites.
@Suite(.serialized) enum FleetEndToEnd {}
