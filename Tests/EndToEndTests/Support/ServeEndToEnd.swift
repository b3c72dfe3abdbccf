import Testing

/// The parent of every `switchyard serve` suite, run one test at a time.
///
/// The tests suspend (rather than block) while they wait, so without this Swift Testing would
/// start all of them at once: dozens of server processes competing for two cores with the
/// timing-sensitive engine tests running beside them. One at a time keeps the load of this
/// target to one server process (and its vendor threads) however many tests it holds.
@Suite(.serialized) enum ServeEndToEnd {}
