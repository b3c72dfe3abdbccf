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
    /// survives a crash whole or not at all. The temporary file is `PATH.tmp-PID`: callers in one
    /// process replace one path one at a time (the token store holds its file lock).
    package static func replace(_ path: String, with bytes: [UInt8]) throws(FileError) {
        let temporary = try writeTemporary(path + ".tmp-\(getpid())", bytes, exclusive: false)
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
        let temporary = try writeTemporary(
            path + ".tmp-\(getpid())-\(UInt32.random(in: .min ... .max))", bytes, exclusive: true)
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

    /// The file `temporary` written with `bytes` and synced to disk (created anew when `exclusive`,
    /// else truncated if a crashed writer left it).
    private static func writeTemporary(_ temporary: String, _ bytes: [UInt8], exclusive: Bool) throws(FileError)
        -> String
    {
        let fd = open(temporary, O_WRONLY | O_CREAT | O_CLOEXEC | (exclusive ? O_EXCL : O_TRUNC), 0o600)
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
