import FoundationEssentials
import Glibc
import Synchronization

/// Watches integration paths with inotify on a dedicated thread and calls back, debounced, when
/// any `*.json` file among them is added, edited, removed or renamed (editors' write-to-temp-then-
/// rename saves included). Costs nothing while nothing changes: the thread sleeps in `poll(2)`.
package final class IntegrationWatcher: Sendable {
    private let inotify: Int32
    private let stopPipe: (read: Int32, write: Int32)
    private let stopped = Mutex(false)

    /// Starts watching the directories of `paths` (a file's parent directory, since saves replace inodes).
    /// Returns `nil` when inotify is unavailable or its thread cannot start. `debounce` coalesces bursts of events into one call.
    package init?(paths: [String], debounce: Duration = .milliseconds(150), onChange: @escaping @Sendable () -> Void) {
        let fd = inotify_init1(Int32(IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        var pipeFDs: [Int32] = [0, 0]
        guard pipe(&pipeFDs) == 0 else {
            close(fd)
            return nil
        }
        inotify = fd
        stopPipe = (pipeFDs[0], pipeFDs[1])
        let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_MODIFY | IN_ATTRIB)
        var watched = Set<String>()
        for path in paths {
            var isDirectory = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            let directory = exists && isDirectory ? path : Self.parentDirectory(of: path)
            let target = directory.isEmpty ? "." : directory
            if watched.insert(target).inserted { _ = inotify_add_watch(fd, target, mask) }
        }
        let readFD = stopPipe.read
        let milliseconds = Int32(
            debounce.components.seconds * 1000 + debounce.components.attoseconds / 1_000_000_000_000_000)
        do {
            try DetachedThread.start(name: "switchyard-watch") {
                Self.loop(inotify: fd, stop: readFD, debounce: milliseconds, onChange: onChange)
            }
        } catch {
            // deinit runs for a failed class init: mark it stopped so it writes to no closed pipe.
            stopped.withLock { $0 = true }
            close(fd)
            close(pipeFDs[0])
            close(pipeFDs[1])
            return nil
        }
    }

    /// Stops watching; the callback is not called after this returns… except for one already running.
    package func stop() {
        let first = stopped.withLock { stopped -> Bool in
            defer { stopped = true }
            return !stopped
        }
        guard first else { return }
        var byte: UInt8 = 1
        _ = write(stopPipe.write, &byte, 1)
    }

    deinit { stop() }

    private static func loop(inotify: Int32, stop: Int32, debounce: Int32, onChange: @Sendable () -> Void) {
        defer {
            close(inotify)
            close(stop)
        }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var pending = false
        while true {
            var fds = [
                pollfd(fd: inotify, events: Int16(POLLIN), revents: 0),
                pollfd(fd: stop, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&fds, 2, pending ? debounce : -1)
            if ready < 0 {
                if errno == EINTR { continue }
                return
            }
            if fds[1].revents != 0 { return }
            if ready == 0 {
                // Quiet for a debounce period after changes: report once.
                pending = false
                onChange()
                continue
            }
            let count = buffer.withUnsafeMutableBytes { read(inotify, $0.baseAddress, $0.count) }
            guard count > 0 else { continue }
            if Self.mentionsJSON(buffer, count: count) { pending = true }
        }
    }

    /// The directory part of a path, as `NSString.deletingLastPathComponent` gives it: `""` for a
    /// bare name, `"/"` for an entry of the root; trailing and repeated slashes are ignored.
    static func parentDirectory(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        var parent = trimmed[..<slash]
        while parent.hasSuffix("/") { parent = parent.dropLast() }
        return parent.isEmpty ? "/" : String(parent)
    }

    /// Whether any event in the buffer names a `*.json` entry (temporary files of editors are ignored).
    private static func mentionsJSON(_ buffer: [UInt8], count: Int) -> Bool {
        var offset = 0
        let headerSize = MemoryLayout<inotify_event>.size
        while offset + headerSize <= count {
            let length = buffer.withUnsafeBytes { raw -> Int in
                Int(raw.loadUnaligned(fromByteOffset: offset + headerSize - MemoryLayout<UInt32>.size, as: UInt32.self))
            }
            let nameStart = offset + headerSize
            let nameEnd = min(count, nameStart + length)
            let nameBytes = buffer[nameStart..<nameEnd].prefix { $0 != 0 }
            let name = String(decoding: nameBytes, as: UTF8.self)
            if name.hasSuffix(".json") || name.isEmpty { return true }
            offset = nameEnd
        }
        return false
    }
}
