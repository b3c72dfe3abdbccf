import Testing

/// The end-to-end suites that launch many `switchyard` processes (OAuth2, live reload, audit log),
/// run one test at a time: together they would start dozens of processes at once and starve the
/// timing-sensitive suites running beside them on a two-core machine.
@Suite(.serialized) enum OAuth2AuditReloadSuites {}
