// Every test that imports TestSupport also sees the loopback vendor (LoopbackServer, Router,
// ServerReply, …), which lives in its own library so that switchyard-bench can run it without
// depending on test code.
@_exported import LoopbackHTTP
