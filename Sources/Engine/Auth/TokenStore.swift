import FoundationEssentials
import JSON
import SystemIO

/// Where OAuth2 tokens live between runs: one JSON file per credential (integration + client id)
/// in the state directory — file mode 0600 in a directory of mode 0700, replaced atomically
/// (write a temporary file, fsync, rename), read and written under a per-credential file lock.
package struct TokenStore: Sendable {
    /// What is stored for one credential.
    package struct Record: Sendable, Equatable {
        /// The current (possibly rotated) refresh token.
        package var refreshToken: String?
        /// SHA-256 of the environment's refresh token when the record was written, to notice a newly pasted one.
        package var environmentDigest: String?
        /// The last access token.
        package var accessToken: String?
        /// When the access token expires, in Unix seconds.
        package var expiresAt: Double?

        /// Creates a record.
        package init(
            refreshToken: String? = nil, environmentDigest: String? = nil, accessToken: String? = nil,
            expiresAt: Double? = nil
        ) {
            self.refreshToken = refreshToken
            self.environmentDigest = environmentDigest
            self.accessToken = accessToken
            self.expiresAt = expiresAt
        }
    }

    /// The state directory.
    package let directory: String
    /// The file name stem for this credential.
    package let key: String

    /// A store for the credential `clientID` of `integration` under `directory`.
    package init(directory: String, integration: String, clientID: String) {
        self.init(directory: directory, stem: CredentialID(integration: integration, clientID: clientID).stem)
    }

    /// A store for the credential whose file name stem is `stem` (``CredentialID/stem``).
    package init(directory: String, stem: String) {
        self.directory = directory
        self.key = stem
    }

    /// The token file's path.
    package var path: String { directory + "/" + key + ".json" }
    /// The lock file's path.
    package var lockPath: String { directory + "/" + key + ".lock" }

    /// Creates the directory (mode 0700) when missing.
    package func prepare() throws(EngineError) {
        try StateDirectory.prepare(directory)
    }

    /// The stored record, or `nil` when there is none (or it cannot be read).
    package func load() -> Record? {
        guard let data = FileManager.default.contents(atPath: path), let value = try? JSONParser.parse(data) else {
            return nil
        }
        return Record(
            refreshToken: value["refresh_token"]?.stringValue,
            environmentDigest: value["environment_sha256"]?.stringValue,
            accessToken: value["access_token"]?.stringValue, expiresAt: value["expires_at"]?.doubleValue)
    }

    /// Replaces the record atomically: temporary file (0600), fsync, rename, fsync of the directory.
    package func save(_ record: Record) throws(EngineError) {
        try prepare()
        var object = JSONObject()
        if let token = record.refreshToken { object["refresh_token"] = .string(token) }
        if let digest = record.environmentDigest { object["environment_sha256"] = .string(digest) }
        if let token = record.accessToken { object["access_token"] = .string(token) }
        if let expiry = record.expiresAt { object["expires_at"] = .double(expiry) }
        do {
            try PrivateFile.replace(path, with: Array(JSONValue.object(object).encodedData()))
        } catch {
            throw EngineError(.upstreamError, "cannot replace the token store in \(directory) (\(error.reason))")
        }
    }
}
