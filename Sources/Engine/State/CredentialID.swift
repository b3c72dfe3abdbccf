import JSON

/// Names one OAuth credential in a state store: integration, account and client id.
package struct CredentialID: Sendable, Hashable {
    /// The integration name.
    package var integration: String
    /// The account (`nil` for the default account).
    package var account: String?
    /// The OAuth client id.
    package var clientID: String

    /// Creates an id.
    package init(integration: String, account: String? = nil, clientID: String) {
        self.integration = integration
        self.account = account
        self.clientID = clientID
    }

    /// `oauth-INTEGRATION[@ACCOUNT]-DIGEST`: safe as a file name and a Redis key part (integration
    /// names are `[a-z0-9_]`, accounts `[A-Za-z0-9_-]`), the client id digested. The default
    /// account keeps the name it had before accounts existed, so stored grants stay valid.
    package var stem: String {
        let digest = SHA256.hexDigest(Array(clientID.utf8)).prefix(16)
        return "oauth-\(integration)" + (account.map { "@" + $0 } ?? "") + "-\(digest)"
    }
}
