import Glibc

/// Process-wide signal dispositions.
package enum ProcessSignals {
    /// Ignores `SIGPIPE`, so a write to a pipe whose reader went away fails with `EPIPE` (which
    /// the writer reports) instead of killing the process. Idempotent.
    package static func ignoreBrokenPipe() {
        signal(SIGPIPE, SIG_IGN)
    }
}
