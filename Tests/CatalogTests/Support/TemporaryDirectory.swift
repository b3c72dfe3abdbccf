import Foundation
import JSON

/// A fresh directory under the system temporary directory, removed when the value is released.
final class TemporaryDirectory {
    /// The directory's absolute path (no trailing slash).
    let path: String

    /// Creates a uniquely named directory.
    init() throws {
        path = FileManager.default.temporaryDirectory.path + "/switchyard-catalog-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes text to a file at a relative path (intermediate directories are created); returns its path.
    @discardableResult
    func write(_ relativePath: String, _ text: String) throws -> String {
        let file = path + "/" + relativePath
        let directory = (file as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        return file
    }

    /// Writes a JSON document to a file at a relative path; returns its path.
    @discardableResult
    func write(_ relativePath: String, _ document: JSONValue) throws -> String {
        try write(relativePath, document.encoded())
    }

    /// Creates an empty subdirectory; returns its path.
    @discardableResult
    func makeDirectory(_ relativePath: String) throws -> String {
        let directory = path + "/" + relativePath
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return directory
    }
}
