import Foundation
import JSON

/// A fresh directory under the system's temporary directory, removed on deinit.
package final class TemporaryDirectory: Sendable {
    /// Its absolute path (no trailing slash).
    package let path: String

    /// Creates a uniquely named directory.
    package init() throws {
        path = FileManager.default.temporaryDirectory.path + "/switchyard-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Writes text to a file at a relative path (intermediate directories are created); returns its path.
    @discardableResult
    package func write(_ relativePath: String, _ text: String) throws -> String {
        let file = path + "/" + relativePath
        let directory = (file as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        return file
    }

    /// Writes a JSON document to a file at a relative path; returns its path.
    @discardableResult
    package func write(_ relativePath: String, _ document: JSONValue) throws -> String {
        try write(relativePath, document.encoded())
    }

    /// Creates an empty subdirectory; returns its path.
    @discardableResult
    package func makeDirectory(_ relativePath: String) throws -> String {
        let directory = path + "/" + relativePath
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return directory
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}
