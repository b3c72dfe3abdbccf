import Foundation

/// A fresh directory under the system's temporary directory for one bench run (integration files,
/// the server's home and state), removed on deinit.
final class ScratchDirectory: Sendable {
    /// Its absolute path (no trailing slash).
    let path: String

    /// Creates a uniquely named directory.
    init() throws {
        path = FileManager.default.temporaryDirectory.path + "/switchyard-bench-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Writes `text` to the file `name` inside it; returns the file's path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let file = path + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        return file
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}
