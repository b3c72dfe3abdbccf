import Glibc

/// Small files only their owner may read (mode 0600) — tokens, keys — written so that a reader
/// never sees half of one: a temporary file, `fsync`, then `rename` (replace) or `link` (create
/// once, the first writer winning a race).
package enum PrivateFile {
    /// The file's bytes (at most `limit`), or `nil` when there is no file.
    package static func read(_ path: String, limit: Int = 1 << 20) throws(FileError) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { return nil }
            throw FileError("cannot read", path: path, code: errno)
        }
        defer { close(fd) }
        let bytes = FileDescriptor.readToEnd(fd, limit: limit)
        return Array(bytes.prefix(limit))
    }

    /// Replaces the file atomically with `bytes`, then syncs its directory, so the new content
    /// survives a crash whole or not at all.
    package static func replace(_ path: String, with bytes: [UInt8]) throws(FileError) {
        let temporary = try writeTemporary(for: path, bytes)
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw FileError("cannot replace", path: path, code: code)
        }
        syncDirectory(of: path)
    }

    /// Creates the file with `bytes` unless it exists; returns false when another writer's file
    /// was there first (then its content is the content).
    package static func createOnce(_ path: String, with bytes: [UInt8]) throws(FileError) -> Bool {
        let temporary = try writeTemporary(for: path, bytes)
        defer { unlink(temporary) }
        if link(temporary, path) == 0 {
            syncDirectory(of: path)
            return true
        }
        guard errno == EEXIST else { throw FileError("cannot create", path: path, code: errno) }
        return false
    }

    /// Makes a directory its owner's alone (mode 0700); false when that failed.
    @discardableResult
    package static func restrictDirectory(_ path: String) -> Bool {
        chmod(path, 0o700) == 0
    }

    /// A new temporary file beside `path` holding `bytes`, synced to disk.
    private static func writeTemporary(for path: String, _ bytes: [UInt8]) throws(FileError) -> String {
        let temporary = path + ".tmp-\(getpid())-\(UInt32.random(in: .min ... .max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw FileError("cannot write", path: temporary, code: errno) }
        let written = FileDescriptor.writeAll(bytes, to: fd)
        let code = errno
        let synced = fsync(fd) == 0
        close(fd)
        guard written, synced else {
            unlink(temporary)
            throw FileError("cannot write", path: temporary, code: written ? EIO : code)
        }
        return temporary
    }

    private static func syncDirectory(of path: String) {
        let directory = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        let fd = open(directory.isEmpty ? "/" : directory, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }
}
