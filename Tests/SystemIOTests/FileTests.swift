import Foundation
import Glibc
import SystemIO
import Testing

/// Append-only files and private files on a real file system, under a fresh temporary directory.
@Suite struct FileTests {
    /// A fresh directory, removed by the caller.
    static func directory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("systemio-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func mode(_ path: String) -> mode_t {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_mode & 0o777 : 0
    }

    @Test("concurrent appends land as whole lines, in a file of mode 0600")
    func appendsWholeLines() async throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/log.jsonl"
        let file = try AppendOnlyFile(path: path)
        await withTaskGroup(of: Void.self) { group in
            for writer in 0..<8 {
                group.addTask {
                    for line in 0..<200 {
                        let text = "\(writer)-\(line)-" + String(repeating: "x", count: 100 + line) + "\n"
                        try? file.append(Array(text.utf8))
                    }
                }
            }
        }
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 1600)
        for line in lines {
            let parts = line.split(separator: "-")
            #expect(parts.count == 3 && parts[2].count == 100 + (Int(parts[1]) ?? -1), "\(line.prefix(40))")
        }
        #expect(Self.mode(path) == 0o600)
    }

    @Test("a file that cannot be opened is an error naming it with the system's reason")
    func openFailure() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(throws: FileError("cannot open", path: directory, code: EISDIR)) { try AppendOnlyFile(path: directory) }
        let missing = directory + "/no/such/dir/file"
        do {
            try AppendOnlyFile.checkWritable(missing)
            Issue.record("opened \(missing)")
        } catch {
            #expect(error.description == "cannot open '\(missing)': No such file or directory")
        }
    }

    @Test("a private file is replaced whole with mode 0600, and reads nil when absent")
    func replace() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/token.json"
        #expect(try PrivateFile.read(path) == nil)
        try PrivateFile.replace(path, with: Array("first".utf8))
        try PrivateFile.replace(path, with: Array("second, longer".utf8))
        #expect(try PrivateFile.read(path) == Array("second, longer".utf8))
        #expect(try PrivateFile.read(path, limit: 6) == Array("second".utf8))
        #expect(Self.mode(path) == 0o600)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory)
        #expect(leftovers == ["token.json"])
    }

    @Test("createOnce lets exactly one of many racing writers create the file, and the others keep its content")
    func createOnceRace() async throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/cursor.key"
        let winners = await withTaskGroup(of: Bool.self) { group in
            for writer in 0..<16 {
                group.addTask { (try? PrivateFile.createOnce(path, with: Array("writer \(writer)\n".utf8))) ?? false }
            }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(winners == 1)
        let content = String(decoding: try #require(try PrivateFile.read(path)), as: UTF8.self)
        #expect(content.hasPrefix("writer "))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["cursor.key"])
        #expect(Self.mode(path) == 0o600)
    }

    @Test("restrictDirectory leaves a directory to its owner alone")
    func restrict() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        chmod(directory, 0o755)
        #expect(PrivateFile.restrictDirectory(directory))
        #expect(Self.mode(directory) == 0o700)
    }
}
