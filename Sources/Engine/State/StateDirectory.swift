import FoundationEssentials

/// The state directory on disk (OAuth token files, their locks, the cursor key).
package enum StateDirectory {
    /// Creates `directory` (mode 0700, parents included) when it does not exist yet.
    package static func prepare(_ directory: String) throws(EngineError) {
        var isDirectory = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory {
            return
        }
        do {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw EngineError(.upstreamError, "cannot create the state directory \(directory)")
        }
    }
}
