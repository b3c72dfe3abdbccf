import Synchronization

/// Every secret the process knows: configured credentials and tokens learned at run time.
/// Recordings, transcripts and error texts are scrubbed against it.
package final class SecretRegistry: Sendable {
    private let values = Mutex<Set<String>>([])

    /// Creates an empty registry.
    package init() {}

    /// Adds secrets (empty strings and the redaction marker are ignored).
    package func register(_ secrets: some Sequence<String>) {
        values.withLock { set in
            for secret in secrets where !secret.isEmpty && secret != Redactor.marker { set.insert(secret) }
        }
    }

    /// A redactor for everything known now.
    package func redactor() -> Redactor {
        Redactor(secrets: Array(values.withLock { $0 }))
    }
}
